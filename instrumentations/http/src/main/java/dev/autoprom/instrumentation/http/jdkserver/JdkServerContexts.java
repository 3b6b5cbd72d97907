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
    private static volatile Consumer<Object> installer;

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
}
