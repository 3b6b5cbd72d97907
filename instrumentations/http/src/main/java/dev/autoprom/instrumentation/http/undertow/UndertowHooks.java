package dev.autoprom.instrumentation.http.undertow;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;

/**
 * What the Undertow core advice calls (plain values only: this class is on the bootstrap path). An exchange begins
 * at its first root-handler call ({@code Connectors.executeRootHandler}; later calls are re-dispatches of the same
 * exchange) and ends when Undertow completes it, or when a write fails under it. Exchanges handed to Undertow's
 * servlet layer are left to the servlet instrumentation: counted once.
 */
public final class UndertowHooks {

    static final String COMPONENT = "http.undertow";

    private static final WeakIdentityMap<UndertowExchange> EXCHANGES = new WeakIdentityMap<>();

    /**
     * The {@code error_type} of an exchange whose connection closed before it completed (the client hung up):
     * what Undertow's channels throw on such a connection. One instance, never thrown: only its class is reported.
     */
    private static final Throwable CLOSED = new java.nio.channels.ClosedChannelException();

    private UndertowHooks() {}

    /** A root handler is about to run for {@code exchange}. */
    public static void rootHandler(Object connection, Object exchange, String method, boolean https) {
        try {
            UndertowExchange state = EXCHANGES.get(connection);
            if (state == null) {
                state = new UndertowExchange();
                EXCHANGES.put(connection, state);
            } else {
                Object current = state.exchange;
                if (current == exchange) {
                    return; // a re-dispatch of the exchange already begun
                }
                if (state.end(current)) {
                    end(state, 0, "", null); // never seen completing: closed now so the gauge stays right
                }
            }
            state.begin(exchange, System.nanoTime(), HttpMethods.index(method), https);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The first root-handler call returned: unless the servlet layer took it, the exchange is now active. */
    public static void rootHandlerReturned(Object connection, Object exchange) {
        try {
            UndertowExchange state = EXCHANGES.get(connection);
            if (state != null
                    && state.exchange == exchange
                    && !state.servlet
                    && state.advance(UndertowExchange.BEGUN, UndertowExchange.COUNTED)) {
                HttpServerRecorder.start(state.method, state.https);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** Undertow's servlet layer ({@code ServletInitialHandler}) took the exchange. */
    public static void servlet(Object connection, Object exchange) {
        try {
            UndertowExchange state = EXCHANGES.get(connection);
            if (state != null && state.exchange == exchange) {
                state.servlet = true;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The exchange is complete (or a write failed under it: {@code thrown} is the I/O exception).
     *
     * @param route the matched template of a {@code RoutingHandler}/{@code PathTemplateHandler}, or null
     * @param connectionOpen false when the connection closed under the exchange
     */
    public static void complete(
            Object connection, Object exchange, int status, String route, Throwable thrown, boolean connectionOpen) {
        try {
            if (thrown == null && !connectionOpen) {
                thrown = CLOSED;
            }
            UndertowExchange state = EXCHANGES.get(connection);
            if (state != null && state.end(exchange) && !state.servlet) {
                end(state, status, route, thrown);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    private static void end(UndertowExchange state, int status, String route, Throwable thrown) {
        if (state.advance(UndertowExchange.BEGUN, UndertowExchange.DONE)) {
            HttpServerRecorder.start(state.method, state.https); // completed inside its root handler: count it now
        }
        HttpServerRecorder.end(state.start, state.method, state.https, status, route, thrown);
    }
}
