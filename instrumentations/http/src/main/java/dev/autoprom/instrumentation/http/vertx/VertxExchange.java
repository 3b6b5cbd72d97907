package dev.autoprom.instrumentation.http.vertx;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The request in flight on one Vert.x HTTP/1.x connection, or on one HTTP/2 stream. Vert.x lets one request at a
 * time own an HTTP/1.x connection's response (a pipelined request begins only when the previous response is
 * complete), so one instance per connection, reused for each of its requests, holds everything a record needs:
 * nothing is allocated per request. An HTTP/2 stream is one request: one instance per stream, keyed by its
 * response ({@link #request} then holds that response). Ended exactly once: whoever takes {@link #request} away
 * (response complete, or reset) records.
 */
final class VertxExchange {

    private static final AtomicReferenceFieldUpdater<VertxExchange, Object> REQUEST =
            AtomicReferenceFieldUpdater.newUpdater(VertxExchange.class, Object.class, "request");

    /** The request being answered, or null between requests (so an idle connection pins nothing). */
    volatile Object request;

    long start;
    int method;
    boolean https;
    /** The last route Vert.x Web matched. */
    volatile String webRoute;
    /** A template from a framework over Vert.x Web (Quarkus REST): preferred to {@link #webRoute}. */
    volatile String frameworkRoute;
    /** The exception a handler failed the routing with. */
    volatile Throwable failure;

    void begin(Object request, long start, int method, boolean https) {
        this.start = start;
        this.method = method;
        this.https = https;
        this.webRoute = null;
        this.frameworkRoute = null;
        this.failure = null;
        this.request = request;
    }

    /** True for exactly one caller per request: the one that ends it. */
    boolean end(Object request) {
        return request != null && REQUEST.compareAndSet(this, request, null);
    }

    String route() {
        String route = frameworkRoute;
        if (route == null) {
            route = webRoute;
        }
        return route == null ? "" : route;
    }
}
