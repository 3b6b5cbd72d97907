package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.instrumentation.http.RouteSeries;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The {@code error_type} of a client request: the simple class name of the exception the request failed with
 * ({@code ConnectException}, {@code SocketTimeoutException}), looking through the wrappers of asynchronous APIs;
 * else the status for 5xx; else empty. Class names come from code, never from the request, so they are few.
 */
public final class ClientErrors {

    private static final int MAX_UNWRAP = 4;

    private ClientErrors() {}

    /** The label value for a request that ended with {@code status} (0 when none) and {@code failure}. */
    public static String type(int status, Throwable failure) {
        if (failure != null) {
            return className(failure);
        }
        return status >= 500 ? RouteSeries.statusText(status) : "";
    }

    /** Simple name of the failure, or of the cause inside a {@code CompletionException}/{@code ExecutionException}. */
    static String className(Throwable failure) {
        Throwable t = failure;
        for (int i = 0;
                i < MAX_UNWRAP
                        && (t instanceof CompletionException || t instanceof ExecutionException)
                        && t.getCause() != null;
                i++) {
            t = t.getCause();
        }
        // getSimpleName is cached by the JVM per class; an anonymous class has none, so its full name is used
        String simple = t.getClass().getSimpleName();
        return simple.isEmpty() ? t.getClass().getName() : simple;
    }
}
