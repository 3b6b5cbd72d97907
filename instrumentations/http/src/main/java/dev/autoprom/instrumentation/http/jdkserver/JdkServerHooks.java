package dev.autoprom.instrumentation.http.jdkserver;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import java.util.function.Consumer;

/**
 * Hands each new {@code HttpContext} to the bridge that installs the metrics filter. The bridge is loaded next
 * to {@code jdk.httpserver} (the platform loader), which this bootstrap-loaded class cannot see.
 */
public final class JdkServerHooks {

    private static final String COMPONENT = "http.jdk-httpserver";
    private static final Bridge<Consumer<Object>> FILTER_INSTALLER = Bridge.of(
            consumerOfObject(),
            "dev.autoprom.instrumentation.http.jdkserver.bridge.FilterInstaller",
            COMPONENT,
            context -> {});

    private static final Bridge<Consumer<Object>> LATE_FILTER_INSTALLER = Bridge.of(
            consumerOfObject(),
            "dev.autoprom.instrumentation.http.jdkserver.bridge.ExistingContextFilter",
            COMPONENT,
            context -> {});

    private JdkServerHooks() {}

    public static void created(Class<?> httpServerClass, Object context) {
        try {
            FILTER_INSTALLER.get(httpServerClass).accept(context);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The server is about to build an exchange's filter chain for {@code context}: a context created before the
     * agent was attached gets its filter now. Runs for every exchange; the check is one list read when the filter
     * is already there.
     */
    public static void serving(Class<?> httpServerClass, Object context) {
        try {
            LATE_FILTER_INSTALLER.get(httpServerClass).accept(context);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Consumer<Object>> consumerOfObject() {
        return (Class<Consumer<Object>>) (Class<?>) Consumer.class;
    }
}
