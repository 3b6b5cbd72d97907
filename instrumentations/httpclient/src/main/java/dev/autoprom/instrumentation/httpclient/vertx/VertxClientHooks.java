package dev.autoprom.instrumentation.httpclient.vertx;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import java.util.function.BiPredicate;

/**
 * What the Vert.x {@code HttpClient} advice calls. A request starts when the client asks its pool for a
 * connection for it (the private {@code HttpClientImpl.doRequest} every {@code request(...)}, each redirect the
 * client follows and every {@code WebClient} call go through); a listener of the agent's (a bridge) on the
 * request's own future sees the connection fail, or the {@code HttpClientRequest} it becomes, which is then
 * tied to the exchange (weakly) until its response's status or its failure arrives. All on the event loop,
 * without blocking: a map lookup and a record.
 */
public final class VertxClientHooks {

    static final String COMPONENT = "httpclient.vertx-httpclient";

    private static final Bridge<BiPredicate<Object, Object>> LISTENERS = Bridge.of(
            biPredicate(),
            "dev.autoprom.instrumentation.httpclient.vertx.bridge.RequestListener$Installer",
            COMPONENT,
            (promise, exchange) -> false);
    private static final Bridge<BiPredicate<Object, Object>> FUTURE_LISTENERS = Bridge.of(
            biPredicate(),
            "dev.autoprom.instrumentation.httpclient.vertx.bridge.RequestListener$FutureInstaller",
            COMPONENT,
            (future, exchange) -> false);
    private static final WeakIdentityMap<ClientExchange> EXCHANGES = new WeakIdentityMap<>();

    private VertxClientHooks() {}

    /**
     * A request to {@code host:port} asks for a connection; {@code promise} (a Vert.x promise) gets its
     * {@code HttpClientRequest} or the failure. Returns the exchange, or null when it cannot be observed.
     */
    public static Object requesting(
            Class<?> anchor, Object promise, String host, int port, Boolean ssl, String method) {
        try {
            ClientExchange exchange = new ClientExchange(host, port, Boolean.TRUE.equals(ssl), method, null);
            if (!LISTENERS.get(anchor).test(promise, exchange)) {
                exchange.abandon(); // nothing would end it: unrecorded rather than active for ever
                return null;
            }
            return exchange;
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return null;
        }
    }

    /** Vert.x 5: a request to {@code host:port} asks for a connection; its future comes at {@link #returned}. */
    public static Object start(String host, int port, boolean ssl, String method) {
        try {
            return new ClientExchange(host, port, ssl, method, null);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return null;
        }
    }

    /** Vert.x 5: {@code doRequest} returned the request's {@code future} (or threw). */
    public static void returned(Class<?> anchor, Object exchange, Object future, Throwable thrown) {
        if (!(exchange instanceof ClientExchange)) {
            return;
        }
        ClientExchange started = (ClientExchange) exchange;
        try {
            if (thrown != null
                    || future == null
                    || !FUTURE_LISTENERS.get(anchor).test(future, started)) {
                started.abandon();
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            started.abandon();
        }
    }

    /** {@code doRequest} threw: its promise will not be completed. */
    public static void requested(Object exchange, Throwable thrown) {
        if (thrown != null && exchange instanceof ClientExchange) {
            ((ClientExchange) exchange).abandon();
        }
    }

    /** The connection is there and {@code request} made for the exchange (called by the bridge). */
    public static void created(Object request, ClientExchange exchange) {
        EXCHANGES.put(request, exchange);
    }

    /** The response to {@code request} arrived with {@code status} (a followed redirect too: the next is its own). */
    public static void responded(Object request, int status) {
        ClientExchange exchange = EXCHANGES.remove(request);
        if (exchange != null) {
            exchange.responded(status);
        }
    }

    /** {@code request} failed: reset by the application, timed out, its connection lost. */
    public static void failed(Object request, Throwable failure) {
        ClientExchange exchange = EXCHANGES.remove(request);
        if (exchange != null) {
            exchange.failed(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiPredicate<Object, Object>> biPredicate() {
        return (Class<BiPredicate<Object, Object>>) (Class<?>) BiPredicate.class;
    }
}
