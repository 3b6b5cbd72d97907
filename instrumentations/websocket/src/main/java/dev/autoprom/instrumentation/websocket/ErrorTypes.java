package dev.autoprom.instrumentation.websocket;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** {@code error_type} values: the fully qualified class name of the failure, as OpenTelemetry's error.type. */
public final class ErrorTypes {

    private ErrorTypes() {}

    /** The class name of {@code failure}, looking through the wrappers of asynchronous APIs. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable t = failure;
        while (isWrapper(t) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName();
    }

    /**
     * Exceptions that only carry another: the asynchronous APIs' wrappers, reflection's (an annotated
     * {@code @OnMessage} method called by {@code Method.invoke}) and the Jakarta API's
     * {@code DeploymentException} (which Tyrus and others throw around the {@code ConnectException}).
     */
    private static boolean isWrapper(Throwable t) {
        if (t instanceof CompletionException
                || t instanceof ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException) {
            return true;
        }
        String name = t.getClass().getName();
        return name.equals("jakarta.websocket.DeploymentException")
                || name.equals("javax.websocket.DeploymentException");
    }

    /** An HTTP status as a label value, for upgrades the server rejected. */
    public static String status(int statusCode) {
        return Integer.toString(statusCode);
    }
}
