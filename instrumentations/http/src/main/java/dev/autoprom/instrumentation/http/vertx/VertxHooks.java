package dev.autoprom.instrumentation.http.vertx;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;

/**
 * What the Vert.x advice calls (plain values only: this class is on the bootstrap path). A request is recorded by
 * Vert.x core's HTTP server (an HTTP/1.x request, or an HTTP/2 stream), whatever runs on top of it (Vert.x Web,
 * Quarkus REST): those only lend it a route or the exception they failed with, so a request is recorded once
 * however many layers see it.
 *
 * <p>HTTP/1.x state lives in one {@link VertxExchange} per connection, found by the connection's identity (no
 * allocation, no lock). An HTTP/2 connection serves many streams at once: each stream gets its own
 * {@link VertxExchange}, found by the identity of its response object (which the stream and Vert.x Web's
 * {@code RoutingContext.response()} both reach), and dropped when the stream ends. Every method runs on the
 * connection's event loop, except a framework's route, which may come from a worker thread: those fields are
 * volatile.
 */
public final class VertxHooks {

    static final String COMPONENT = "http.vertx";

    /** The stream's response was closed before it ended, with no reset read and no exception. */
    static final String STREAM_RESET = "io.vertx.core.http.StreamResetException";

    private static final WeakIdentityMap<VertxExchange> EXCHANGES = new WeakIdentityMap<>();
    /** HTTP/2 streams in flight, by their response. */
    private static final WeakIdentityMap<VertxExchange> STREAMS = new WeakIdentityMap<>();

    private VertxHooks() {}

    /** The connection's next request is being answered (not called for a request Netty could not decode). */
    public static void begin(Object connection, Object request, String method, boolean https) {
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange == null) {
                exchange = new VertxExchange();
                EXCHANGES.put(connection, exchange);
            } else {
                Object previous = exchange.request;
                if (exchange.end(previous)) {
                    // never seen ending (a Vert.x path we do not know): closed now, so the gauge stays right
                    record(exchange, 0, null);
                }
            }
            int index = HttpMethods.index(method);
            exchange.begin(request, HttpServerRecorder.start(index, https), index, https);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** Vert.x Web matched a route (its name: the path as written, {@code /items/:id}); null names are skipped. */
    public static void routed(Object connection, String route) {
        if (route == null) {
            return;
        }
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange != null && exchange.request != null) {
                exchange.webRoute = route;
                exchange.frameworkRoute = null; // a framework that handed the request back to Vert.x Web
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * A framework over Vert.x Web (Quarkus REST) took the request ({@code ""}: no template yet, so not the name of
     * the catch-all route it is mounted on) or chose the resource (its template). {@code response} finds the
     * request when it is an HTTP/2 stream.
     */
    public static void frameworkRoute(Object connection, Object response, String template) {
        try {
            VertxExchange exchange = inFlight(connection, response);
            if (exchange != null) {
                exchange.frameworkRoute = template;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * A handler failed the request with an exception (Vert.x Web's {@code fail}, Quarkus REST's mapper);
     * {@code response} finds the request when it is an HTTP/2 stream.
     */
    public static void failed(Object connection, Object response, Throwable failure) {
        try {
            VertxExchange exchange = inFlight(connection, response);
            if (exchange != null && failure != null) {
                exchange.failure = failure;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The response of {@code request} has been written completely. */
    public static void complete(Object connection, Object request, int status) {
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange != null && exchange.end(request)) {
                Throwable failure = exchange.failure;
                record(exchange, status, status >= 500 ? failure : null);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * {@code request} ended before its response did (the client closed the connection, an I/O error).
     *
     * @param status the status sent, or 0 if the response had not started
     */
    public static void reset(Object connection, Object request, int status, Throwable cause) {
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange != null && exchange.end(request)) {
                record(exchange, status, cause);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The request in flight: the HTTP/1.x connection's, else the HTTP/2 stream whose response this is. */
    private static VertxExchange inFlight(Object connection, Object response) {
        VertxExchange exchange = EXCHANGES.get(connection);
        if (exchange == null && response != null) {
            exchange = STREAMS.get(response);
        }
        return exchange != null && exchange.request != null ? exchange : null;
    }

    // --- HTTP/2 streams (Http2ServerStream: where Vert.x calls its metrics SPI for a stream) ---------------------

    /** A stream's request headers were read and it is about to be dispatched (not called for a server push). */
    public static void streamBegin(Object response, String method, boolean https) {
        try {
            if (response == null) {
                return;
            }
            VertxExchange exchange = new VertxExchange();
            int index = HttpMethods.index(method);
            exchange.begin(response, HttpServerRecorder.start(index, https), index, https);
            STREAMS.put(response, exchange);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** Vert.x Web ran a route for the stream's request (its name); null names are skipped. */
    public static void streamRouted(Object response, String route) {
        if (route == null) {
            return;
        }
        try {
            VertxExchange exchange = STREAMS.get(response);
            if (exchange != null && exchange.request != null) {
                exchange.webRoute = route;
                exchange.frameworkRoute = null;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The stream's response has been written to its end. */
    public static void streamComplete(Object response, int status) {
        try {
            VertxExchange exchange = STREAMS.get(response);
            if (exchange != null && exchange.end(response)) {
                STREAMS.remove(response);
                Throwable failure = exchange.failure;
                record(exchange, status, status >= 500 ? failure : null);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The stream ended before its response did: reset by the client, failed, closed with its connection.
     *
     * @param status the status sent, or 0 if the response had not started
     * @param cause what Vert.x told the request; null: {@code errorType} names it
     * @param errorType the {@code error_type} when {@code cause} is null
     */
    public static void streamReset(Object response, int status, Throwable cause, String errorType) {
        try {
            VertxExchange exchange = STREAMS.get(response);
            if (exchange != null && exchange.end(response)) {
                STREAMS.remove(response);
                if (cause != null) {
                    record(exchange, status, cause);
                } else {
                    HttpServerRecorder.end(
                            exchange.start, exchange.method, exchange.https, status, exchange.route(), errorType);
                }
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    private static void record(VertxExchange exchange, int status, Throwable thrown) {
        HttpServerRecorder.end(exchange.start, exchange.method, exchange.https, status, exchange.route(), thrown);
        exchange.failure = null;
    }
}
