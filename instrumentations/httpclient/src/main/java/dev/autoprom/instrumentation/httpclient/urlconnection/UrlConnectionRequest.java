package dev.autoprom.instrumentation.httpclient.urlconnection;

import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.httpclient.HttpClientRecorder;
import java.net.URL;

/**
 * One request of an {@code HttpURLConnection}: its target, taken when it starts, and its clock. Active (in the
 * gauge) only from the first read or write: until then nothing was sent. The connection's workers call it under
 * the connection's lock, but {@code disconnect()} takes no lock and may come from another thread while a read
 * is under way (an application cancelling a blocking call): the state changes are synchronized on this object,
 * uncontended but for that case, so the gauge goes down exactly once whichever thread ends the request.
 */
final class UrlConnectionRequest {

    private final String host;
    private final int port;
    private final boolean https;
    private final int method;
    private final String template;
    private final long opened = System.nanoTime();
    private long start = Timing.NOT_STARTED;
    private boolean ended;
    /** A read or write of the connection is running: it will end the request, however it ends. */
    private volatile boolean working;

    UrlConnectionRequest(URL url, String method, String template) {
        this.host = url == null ? null : url.getHost();
        this.port = url == null ? -1 : url.getPort();
        this.https = UrlConnectionHooks.isHttps(url);
        this.method = HttpMethods.index(method);
        this.template = template;
    }

    void working(boolean running) {
        working = running;
    }

    boolean isWorking() {
        return working;
    }

    synchronized boolean isActive() {
        return start != Timing.NOT_STARTED;
    }

    /** Counted in flight from now; the duration still runs from when the connection was opened. */
    synchronized void activate() {
        if (ended || start != Timing.NOT_STARTED) {
            return;
        }
        if (HttpClientRecorder.start(host, port, https, method) != Timing.NOT_STARTED) {
            start = opened == Timing.NOT_STARTED ? 1L : opened; // Timing's rule: a start is never the sentinel
        }
    }

    synchronized void end(int status, Throwable thrown) {
        if (!ended) {
            ended = true;
            HttpClientRecorder.end(start, host, port, https, method, status, template, thrown);
        }
    }

    synchronized void abandon() {
        if (!ended) {
            ended = true;
            HttpClientRecorder.cancel(start, host, port, https, method);
        }
    }
}
