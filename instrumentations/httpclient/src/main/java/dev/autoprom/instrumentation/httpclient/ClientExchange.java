package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.instrumentation.http.HttpMethods;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request of a callback-based client (its outcome arrives on another thread, through the library's callback):
 * started when created, recorded by the first of {@link #responded} and {@link #failed}; anything after that is
 * ignored, so a library that reports a request's end twice (a response, then a failure reading its body) records
 * it once.
 */
public final class ClientExchange {

    private final String host;
    private final int port;
    private final boolean https;
    private final int method;
    /** Volatile: a framework that writes the request on the client's own thread lends it after the start. */
    private volatile String template;

    private final long start;
    private final AtomicBoolean ended = new AtomicBoolean();

    public ClientExchange(String host, int port, boolean https, String method, String template) {
        this.host = host;
        this.port = port;
        this.https = https;
        this.method = HttpMethods.index(method);
        this.template = template;
        this.start = HttpClientRecorder.start(host, port, https, this.method);
    }

    /**
     * The URI template a framework lent this request after it started (Spring's {@code WebClient} writes its request
     * on the event loop, once the connection is there); ignored when one is set already or the request ended.
     */
    public void lend(String template) {
        if (this.template == null && !ended.get()) {
            this.template = template;
        }
    }

    /** Whether this request's record is made (or it was abandoned): later reports are ignored. */
    public boolean ended() {
        return ended.get();
    }

    /** The response headers arrived with {@code status}. */
    public void responded(int status) {
        if (ended.compareAndSet(false, true)) {
            HttpClientRecorder.end(start, host, port, https, method, status, template, null);
        }
    }

    /** Nothing will report this request's end: off the active requests, unrecorded. */
    public void abandon() {
        if (ended.compareAndSet(false, true)) {
            HttpClientRecorder.cancel(start, host, port, https, method);
        }
    }

    /** The request failed before its response headers arrived (after them: already recorded, ignored). */
    public void failed(Throwable failure) {
        if (ended.compareAndSet(false, true)) {
            HttpClientRecorder.end(start, host, port, https, method, 0, template, failure);
        }
    }
}
