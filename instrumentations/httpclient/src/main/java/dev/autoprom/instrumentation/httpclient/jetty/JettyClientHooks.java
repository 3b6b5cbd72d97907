package dev.autoprom.instrumentation.httpclient.jetty;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.ClientHooks;
import java.util.function.BiPredicate;

/**
 * What the Jetty {@code HttpClient} advice calls: a {@link ClientExchange} per request, attached to the request
 * (weakly) until it completes. The status comes from the transport's receiver; the failure of a request that got
 * none from {@code bridge.ResponseObserver}, a Jetty complete listener (defined next to the library, anchored on
 * its {@code Request}) that the bridge adds to the request's own listeners.
 */
public final class JettyClientHooks {

    static final String COMPONENT = "httpclient.jetty-httpclient";
    private static final Bridge<BiPredicate<Object, Object>> OBSERVERS = Bridge.of(
            biPredicate(),
            "dev.autoprom.instrumentation.httpclient.jetty.bridge.ResponseObserver$Installer",
            COMPONENT,
            (request, exchange) -> false);
    private static final WeakIdentityMap<ClientExchange> EXCHANGES = new WeakIdentityMap<>();

    private JettyClientHooks() {}

    /** The request is being dispatched; returns its exchange, or null when it cannot be observed. */
    public static Object sending(Class<?> anchor, Object request, String host, int port, String scheme, String method) {
        try {
            ClientExchange exchange =
                    new ClientExchange(host, port, ClientHooks.isHttps(scheme), method, ClientHooks.template());
            if (!OBSERVERS.get(anchor).test(request, exchange)) {
                exchange.abandon(); // no listener will end it: unrecorded rather than active for ever
                return null;
            }
            EXCHANGES.put(request, exchange);
            return exchange;
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return null;
        }
    }

    /** A response to {@code request} begins with {@code status}; 1xx other than 101 are interim. */
    public static void responseBegins(Object request, int status) {
        if (status < 200 && status != 101) {
            return;
        }
        try {
            ClientExchange exchange = EXCHANGES.get(request);
            if (exchange != null) {
                exchange.responded(status);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The request completed (its listener was told): nothing more will be recorded for it. */
    public static void completed(Object request) {
        try {
            EXCHANGES.remove(request);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** {@code sendAsync} threw: the request was not queued, and its listeners will not be told. */
    public static void sent(Object exchange, Throwable thrown) {
        if (thrown != null && exchange instanceof ClientExchange) {
            ((ClientExchange) exchange).abandon();
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiPredicate<Object, Object>> biPredicate() {
        return (Class<BiPredicate<Object, Object>>) (Class<?>) BiPredicate.class;
    }
}
