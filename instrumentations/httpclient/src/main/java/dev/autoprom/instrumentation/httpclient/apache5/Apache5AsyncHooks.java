package dev.autoprom.instrumentation.httpclient.apache5;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.ClientHooks;
import java.util.function.UnaryOperator;

/**
 * What the Apache HttpClient 5 async advice calls: a {@link ClientExchange} per request, and the library's
 * {@code AsyncExecCallback} wrapped in {@code bridge.RecordingCallback} (defined next to the library, anchored on
 * {@code AsyncExecCallback}), which reports the response or the failure to it before passing it on.
 */
public final class Apache5AsyncHooks {

    static final String COMPONENT = "httpclient.apache-httpclient5";
    private static final Bridge<CallbackWrapper> WRAPPERS = Bridge.of(
            CallbackWrapper.class,
            "dev.autoprom.instrumentation.httpclient.apache5.bridge.RecordingCallback$Wrapper",
            COMPONENT,
            CallbackWrapper.NONE);

    private static final Bridge<UnaryOperator<Object>> EXCHANGE_WRAPPERS = Bridge.of(
            unaryOperator(),
            "dev.autoprom.instrumentation.httpclient.apache5.bridge.RecordingExchangeHandler$Wrapper",
            COMPONENT,
            handler -> handler);

    private Apache5AsyncHooks() {}

    /**
     * The exchange handler a minimal async client should use: the application's, wrapped ({@code
     * bridge.RecordingExchangeHandler}); the application's own when the bridge is not available.
     */
    public static Object wrapExchange(Class<?> anchor, Object handler) {
        try {
            return EXCHANGE_WRAPPERS.get(anchor).apply(handler);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return handler;
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<UnaryOperator<Object>> unaryOperator() {
        return (Class<UnaryOperator<Object>>) (Class<?>) UnaryOperator.class;
    }

    public static Object start(String host, int port, String scheme, String method) {
        try {
            return new ClientExchange(host, port, ClientHooks.isHttps(scheme), method, ClientHooks.template());
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return null;
        }
    }

    /**
     * The callback {@code execute} should use: the library's, wrapped. Should the bridge not be available, the
     * request is left unrecorded rather than counted active for ever.
     */
    public static Object wrap(Class<?> anchor, Object callback, Object exchange, Object cancellable) {
        if (!(exchange instanceof ClientExchange) || callback == null) {
            return callback;
        }
        try {
            CallbackWrapper wrapper = WRAPPERS.get(anchor);
            if (WRAPPERS.isFallback(wrapper)) {
                ((ClientExchange) exchange).abandon();
                return callback;
            }
            return wrapper.wrap(callback, (ClientExchange) exchange, cancellable);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            ((ClientExchange) exchange).abandon();
            return callback;
        }
    }

    /** {@code execute} threw: the callback may never hear of this request. */
    public static void thrown(Object exchange, Throwable thrown) {
        if (thrown != null && exchange instanceof ClientExchange) {
            ((ClientExchange) exchange).failed(thrown);
        }
    }
}
