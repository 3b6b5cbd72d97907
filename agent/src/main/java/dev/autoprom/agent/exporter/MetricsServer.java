package dev.autoprom.agent.exporter;

import dev.autoprom.agent.config.AgentConfig;
import io.prometheus.metrics.expositionformats.internal.PrometheusProtobufWriterImpl;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The exporter port: {@code /metrics} (the Prometheus client's own scrape handler from exporter-common: text,
 * OpenMetrics and protobuf by content negotiation, gzip, {@code name[]} filtering), {@code /-/healthy} and
 * {@code /autoprom}, served by {@link ExporterServer} within {@link ExporterLimits}.
 */
public final class MetricsServer implements AutoCloseable {

    /**
     * The Prometheus client loads its protobuf writer by name. Naming it here keeps it, and the protobuf classes
     * it needs, in the agent jar, whose build drops every class nothing references.
     */
    static final Class<?> PROTOBUF_WRITER = PrometheusProtobufWriterImpl.class;

    private final ExporterServer server;

    private MetricsServer(ExporterServer server) {
        this.server = server;
    }

    /** Binds and starts serving; HTTPS when {@code sslContext} is not null. */
    public static MetricsServer start(
            AgentConfig config, PrometheusRegistry registry, Supplier<String> statusJson, SSLContext sslContext)
            throws IOException {
        Endpoints endpoints = new Endpoints(config.metricsPath(), registry, statusJson, BasicAuth.of(config));
        return new MetricsServer(ExporterServer.start(
                new InetSocketAddress(config.host(), config.port()), sslContext, endpoints::serve));
    }

    /** The bound port (the chosen one when {@code autoprom.port=0}). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
