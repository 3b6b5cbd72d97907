package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.agent.config.ConfigKeys;
import dev.autoprom.agent.exporter.MetricsServer;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Starts the exporter and turns every failure into one clear log line. */
final class ExporterLauncher {

    private ExporterLauncher() {}

    static int start(AgentConfig config, Supplier<String> status) throws Exception {
        SSLContext ssl;
        try {
            ssl = sslContext(config);
        } catch (Exception e) {
            AgentLog.error("cannot use " + ConfigKeys.TLS_KEYSTORE_PATH + "=" + config.keystorePath() + " ("
                    + e + "): expected a readable PKCS12 keystore and its password in "
                    + ConfigKeys.TLS_KEYSTORE_PASSWORD + "; the exporter is not started");
            SelfMetrics.recordError("exporter", e);
            throw e;
        }
        MetricsServer server;
        try {
            server = MetricsServer.start(config, AgentMetrics.registry(), status, ssl);
        } catch (BindException e) {
            AgentLog.error("cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                    + "): the port is in use or the address is not local; set " + ConfigKeys.PORT
                    + " to a free port (0 picks one) or " + ConfigKeys.HOST
                    + ". The application runs on without the metrics endpoint");
            SelfMetrics.recordError("exporter", e);
            throw e;
        }
        int port = server.port();
        AgentLog.info("serving metrics on " + (ssl != null ? "https" : "http") + "://" + config.host() + ":" + port
                + config.metricsPath());
        return port;
    }

    private static SSLContext sslContext(AgentConfig config) throws Exception {
        String path = config.keystorePath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        char[] password = config.keystorePassword() == null
                ? new char[0]
                : config.keystorePassword().toCharArray();
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
}
