package dev.autoprom.instrumentation.http.vertx;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;

/**
 * What the Vert.x advice calls (plain values only: this class is on the bootstrap path). A request is recorded by
 * Vert.x core's HTTP/1.x server, whatever runs on top of it (Vert.x Web, Quarkus REST): those only lend it a route
 * or the exception they failed with, so a request is recorded once however many layers see it.
 *
 * <p>State lives in one {@link VertxExchange} per connection, found by the connection's identity (no allocation,
 * no lock). Every method runs on the connection's event loop, except a framework's route, which may come from a
 * worker thread: those fields are volatile.
 */
public final class VertxHooks {

    static final String COMPONENT = "http.vertx";

    private static final WeakIdentityMap<VertxExchange> EXCHANGES = new WeakIdentityMap<>();

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
     * the catch-all route it is mounted on) or chose the resource (its template).
     */
    public static void frameworkRoute(Object connection, String template) {
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange != null && exchange.request != null) {
                exchange.frameworkRoute = template;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** A handler failed the request with an exception (Vert.x Web's {@code fail}, Quarkus REST's mapper). */
    public static void failed(Object connection, Throwable failure) {
        try {
            VertxExchange exchange = EXCHANGES.get(connection);
            if (exchange != null && exchange.request != null && failure != null) {
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

    private static void record(VertxExchange exchange, int status, Throwable thrown) {
        HttpServerRecorder.end(exchange.start, exchange.method, exchange.https, status, exchange.route(), thrown);
        exchange.failure = null;
    }
}
