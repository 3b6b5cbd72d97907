package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Starts the exporter in its own class loader and turns every failure into one clear log line. */
final class ExporterLauncher {

    private static final String SERVER_CLASS = ExporterClassLoader.EXPORTER_PACKAGE + "MetricsServer";
    private static final String PRIVATE_PROVIDER = "sun.net.httpserver.DefaultHttpServerProvider";

    private static volatile AutoCloseable running;

    private ExporterLauncher() {
    }

    static int start(AgentConfig config, File agentJar, Supplier<String> status) throws Exception {
        SSLContext ssl;
        try {
            ssl = sslContext(config);
        } catch (Exception e) {
            AgentLog.error("cannot use " + AgentConfig.TLS_KEYSTORE_PATH + "=" + config.keystorePath() + " ("
                    + e + "): expected a readable PKCS12 keystore and its password in "
                    + AgentConfig.TLS_KEYSTORE_PASSWORD + "; the exporter is not started");
            SelfMetrics.recordError("exporter", e);
            throw e;
        }
        Object server;
        try {
            server = startServer(config, agentJar, status, ssl, true);
        } catch (Exception e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
            if (cause instanceof BindException) {
                AgentLog.error("cannot listen on " + config.host() + ":" + config.port() + " (" + cause.getMessage()
                        + "): the port is in use or the address is not local; set " + AgentConfig.PORT
                        + " to a free port (0 picks one) or " + AgentConfig.HOST
                        + ". The application runs on without the metrics endpoint");
                SelfMetrics.recordError("exporter", cause);
                throw e;
            }
            ExporterClassLoader.logFallback(cause);
            server = startServer(config, agentJar, status, ssl, false);
        }
        running = (AutoCloseable) server;
        int port = ((IntSupplier) server).getAsInt();
        AgentLog.info("serving metrics on " + (ssl != null ? "https" : "http") + "://" + config.host() + ":" + port
                + config.metricsPath());
        return port;
    }

    private static Object startServer(AgentConfig config, File agentJar, Supplier<String> status, SSLContext ssl,
            boolean privateJdkServer) throws Exception {
        ClassLoader loader = new ExporterClassLoader(new JarFile(agentJar), privateJdkServer);
        PrometheusRegistry registry = AgentMetrics.registry();
        return Class.forName(SERVER_CLASS, true, loader)
                .getMethod("start", AgentConfig.class, PrometheusRegistry.class, Supplier.class, String.class,
                        SSLContext.class)
                .invoke(null, config, registry, status, privateJdkServer ? PRIVATE_PROVIDER : null, ssl);
    }

    private static SSLContext sslContext(AgentConfig config) throws Exception {
        String path = config.keystorePath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        char[] password = config.keystorePassword() == null ? new char[0] : config.keystorePassword().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Paths.get(path))) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** Stops the exporter (used by tests and on agent shutdown). */
    static void stop() {
        AutoCloseable server = running;
        if (server != null) {
            try {
                server.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
