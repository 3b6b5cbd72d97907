package dev.autoprom.instrumentation.http.jdkserver;

import dev.autoprom.api.BridgeClasses;
import dev.autoprom.api.SelfMetrics;
import java.util.function.Consumer;

/**
 * Hands each new {@code HttpContext} to the bridge that installs the metrics filter. The bridge is loaded next
 * to {@code jdk.httpserver} (the platform loader), which this bootstrap-loaded class cannot see.
 */
public final class JdkServerContexts {

    private static final String INSTALLER = "dev.autoprom.instrumentation.http.jdkserver.bridge.FilterInstaller";
    private static final String LATE_INSTALLER =
            "dev.autoprom.instrumentation.http.jdkserver.bridge.ExistingContextFilter";
    private static volatile Consumer<Object> installer;
    private static volatile Consumer<Object> lateInstaller;

    private JdkServerContexts() {
    }

    @SuppressWarnings("unchecked")
    public static void created(Class<?> httpServerClass, Object context) {
        try {
            Consumer<Object> install = installer;
            if (install == null) {
                install = (Consumer<Object>) BridgeClasses.newInstance(httpServerClass, INSTALLER);
                installer = install;
            }
            install.accept(context);
        } catch (Throwable t) {
            SelfMetrics.recordError("http.jdk-httpserver", t);
        }
    }

    /**
     * The server is about to build an exchange's filter chain for {@code context}: a context created before the
     * agent was attached gets its filter now. Runs for every exchange; the check is one list read when the filter
     * is already there.
     */
    @SuppressWarnings("unchecked")
    public static void serving(Class<?> httpServerClass, Object context) {
        try {
            Consumer<Object> install = lateInstaller;
            if (install == null) {
                install = (Consumer<Object>) BridgeClasses.newInstance(httpServerClass, LATE_INSTALLER);
                lateInstaller = install;
            }
            install.accept(context);
        } catch (Throwable t) {
            SelfMetrics.recordError("http.jdk-httpserver", t);
        }
    }
}
