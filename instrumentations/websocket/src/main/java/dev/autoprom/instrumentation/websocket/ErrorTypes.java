package dev.autoprom.instrumentation.websocket;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** {@code error_type} values: the fully qualified class name of the failure, as OpenTelemetry's error.type. */
public final class ErrorTypes {

    private ErrorTypes() {
    }

    /** The class name of {@code failure}, looking through the wrappers of asynchronous APIs. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getName();
    }

    /** An HTTP status as a label value, for upgrades the server rejected. */
    public static String status(int statusCode) {
        return Integer.toString(statusCode);
    }
}
