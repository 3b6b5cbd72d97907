package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.HttpMethods;

/**
 * What the advice of the clients that finish a request on the thread that started it (OkHttp's interceptor,
 * Apache's exec chains) calls: the request's target as the library holds it, in {@code java.base} types. Those
 * libraries need no state of their own: the advice keeps the start time and the template in locals.
 */
public final class ClientHooks {

    private ClientHooks() {}

    /** The template a framework lent to the request starting on this thread, or null. */
    public static String template() {
        return ClientScope.take();
    }

    public static long start(String host, int port, boolean https, String method) {
        return HttpClientRecorder.start(host, port, https, HttpMethods.index(method));
    }

    /** Whether {@link #start} recorded (its enter advice may have failed and been suppressed). */
    public static boolean started(long start) {
        return start != Timing.NOT_STARTED;
    }

    public static void end(
            long start,
            String host,
            int port,
            boolean https,
            String method,
            int status,
            String template,
            Throwable thrown) {
        HttpClientRecorder.end(start, host, port, https, HttpMethods.index(method), status, template, thrown);
    }

    /** {@code https} from a scheme as a library spells it ({@code "https"}, {@code "HTTPS"}). */
    public static boolean isHttps(String scheme) {
        return "https".equalsIgnoreCase(scheme);
    }
}
