package dev.autoprom.instrumentation.httpclient.urlconnection;

import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.httpclient.HttpClientRecorder;
import java.net.URL;

/**
 * One request of an {@code HttpURLConnection}: its target, taken when it starts, and its clock. Active (in the
 * gauge) only from the first read or write: until then nothing was sent. Touched under the connection's lock.
 */
final class UrlConnectionRequest {

    private final String host;
    private final int port;
    private final boolean https;
    private final int method;
    private final String template;
    private final long opened = System.nanoTime();
    private long start = Timing.NOT_STARTED;

    UrlConnectionRequest(URL url, String method, String template) {
        this.host = url == null ? null : url.getHost();
        this.port = url == null ? -1 : url.getPort();
        this.https = UrlConnectionHooks.isHttps(url);
        this.method = HttpMethods.index(method);
        this.template = template;
    }

    boolean isActive() {
        return start != Timing.NOT_STARTED;
    }

    /** Counted in flight from now; the duration still runs from when the connection was opened. */
    void activate() {
        if (HttpClientRecorder.start(host, port, https, method) != Timing.NOT_STARTED) {
            start = opened == Timing.NOT_STARTED ? 1L : opened; // Timing's rule: a start is never the sentinel
        }
    }

    void end(int status, Throwable thrown) {
        HttpClientRecorder.end(start, host, port, https, method, status, template, thrown);
    }

    void abandon() {
        HttpClientRecorder.cancel(start, host, port, https, method);
    }
}
