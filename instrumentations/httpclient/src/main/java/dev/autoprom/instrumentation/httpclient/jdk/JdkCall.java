package dev.autoprom.instrumentation.httpclient.jdk;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.HttpClientRecorder;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * One {@code HttpClient} call in flight: its start and target, and the completion callback of the future the
 * application got. Ends once: a future completes once, and {@link #abandon} is only called when there is no
 * future to wait for.
 */
final class JdkCall implements BiConsumer<Object, Throwable> {

    private final ToIntFunction<Object> status;
    private final String host;
    private final int port;
    private final boolean https;
    private final int method;
    private final String template;
    private final long start;

    JdkCall(ToIntFunction<Object> status, String host, int port, boolean https, int method, String template) {
        this.status = status;
        this.host = host;
        this.port = port;
        this.https = https;
        this.method = method;
        this.template = template;
        this.start = HttpClientRecorder.start(host, port, https, method);
    }

    /** The future completed: with the {@code HttpResponse}, or with why there is none (cancelled included). */
    @Override
    public void accept(Object response, Throwable failure) {
        try {
            int code = failure == null && response != null ? status.applyAsInt(response) : 0;
            HttpClientRecorder.end(start, host, port, https, method, code, template, failure);
        } catch (Throwable t) {
            SelfMetrics.recordError(JdkClientHooks.COMPONENT, t);
        }
    }

    /** Nothing was sent: off the active requests, no record. */
    void abandon() {
        HttpClientRecorder.cancel(start, host, port, https, method);
    }
}
