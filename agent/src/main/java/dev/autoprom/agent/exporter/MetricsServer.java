package dev.autoprom.agent.exporter;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.expositionformats.internal.PrometheusProtobufWriterImpl;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The exporter port: {@code /metrics} (the Prometheus client's own scrape handler from exporter-common: text,
 * OpenMetrics and protobuf by content negotiation, gzip, {@code name[]} filtering), {@code /-/healthy} and
 * {@code /autoprom}. Loaded by the
 * agent's exporter class loader, which can see {@code com.sun.net.httpserver}; the agent calls it reflectively.
 */
public final class MetricsServer implements IntSupplier, AutoCloseable {

    /**
     * The Prometheus client loads its protobuf writer by name. Naming it here keeps it, and the protobuf classes
     * it needs, in the agent jar, whose build drops every class nothing references.
     */
    static final Class<?> PROTOBUF_WRITER = PrometheusProtobufWriterImpl.class;

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts the server.
     *
     * @param providerClassName the JDK server implementation to use (the private copy's provider), or
     *     {@code null} for the JDK's shared one
     * @param sslContext HTTPS when not null
     */
    public static MetricsServer start(AgentConfig config, PrometheusRegistry registry, Supplier<String> statusJson,
            String providerClassName, SSLContext sslContext) throws Exception {
        HttpServerProvider provider = providerClassName == null ? HttpServerProvider.provider()
                : (HttpServerProvider) Class.forName(providerClassName, true, MetricsServer.class.getClassLoader())
                        .getConstructor().newInstance();
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        HttpServer server;
        if (sslContext != null) {
            HttpsServer https = provider.createHttpsServer(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
            server = https;
        } else {
            server = provider.createHttpServer(address, 16);
        }
        ExecutorService executor = boundedDaemonPool();
        server.setExecutor(executor);

        BasicAuthenticator authenticator = authenticator(config);
        PrometheusScrapeHandler scrapeHandler = new PrometheusScrapeHandler(AgentMetrics.PROPERTIES, registry);
        HttpHandler metrics = exchange -> {
            ScrapeExchange scrape = new ScrapeExchange(exchange);
            try {
                scrapeHandler.handleRequest(scrape);
            } catch (IOException e) {
                throw e;
            } catch (Throwable t) {
                // an Error escaping here would be printed by the thread's default handler
                scrape.handleException(new IllegalStateException(t));
                scrape.close();
            }
        };
        protect(server.createContext(config.metricsPath(), metrics), authenticator);
        protect(server.createContext("/autoprom", new TextHandler("application/json", statusJson)), authenticator);
        // liveness stays open: probes rarely carry credentials and it reveals nothing
        server.createContext("/-/healthy", new TextHandler("text/plain; charset=utf-8", () -> "Exporter is healthy.\n"));
        server.createContext("/", new IndexHandler(config.metricsPath()));

        startAsDaemon(server);
        return new MetricsServer(server, executor);
    }

    /**
     * The JDK server's dispatcher thread inherits the daemon flag of the thread that starts it; started from
     * main it would keep the JVM alive after the application's last thread ends.
     */
    private static void startAsDaemon(HttpServer server) throws InterruptedException {
        Thread starter = new Thread(server::start, "autoprom-exporter-start");
        starter.setDaemon(true);
        starter.start();
        starter.join();
    }

    /** At most 2 threads; a burst queues, and past 32 queued scrapes the dispatcher itself serves. */
    private static ExecutorService boundedDaemonPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                runnable -> {
                    Thread t = new Thread(runnable, "autoprom-exporter-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void protect(HttpContext context, BasicAuthenticator authenticator) {
        if (authenticator != null) {
            context.setAuthenticator(authenticator);
        }
    }

    private static BasicAuthenticator authenticator(AgentConfig config) throws NoSuchAlgorithmException {
        String user = config.authUsername();
        if (user == null || user.isEmpty()) {
            return null;
        }
        byte[] expectedDigest = config.authPasswordSha256() != null ? hexToBytes(config.authPasswordSha256())
                : sha256(config.authPassword() == null ? "" : config.authPassword());
        byte[] expectedUser = user.getBytes(StandardCharsets.UTF_8);
        return new BasicAuthenticator("autoprom") {
            @Override
            public boolean checkCredentials(String username, String password) {
                try {
                    // compare digests in constant time, so the answer's timing reveals nothing
                    boolean userOk = MessageDigest.isEqual(expectedUser, username.getBytes(StandardCharsets.UTF_8));
                    boolean passwordOk = MessageDigest.isEqual(expectedDigest, sha256(password));
                    return userOk & passwordOk;
                } catch (NoSuchAlgorithmException e) {
                    return false;
                }
            }
        };
    }

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hexToBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** The bound port (the chosen one when {@code autoprom.port=0}). */
    @Override
    public int getAsInt() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Serves a generated text body. */
    private static final class TextHandler implements HttpHandler {
        private final String contentType;
        private final Supplier<String> body;

        TextHandler(String contentType, Supplier<String> body) {
            this.contentType = contentType;
            this.body = body;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            respond(exchange, 200, contentType, body.get());
        }
    }

    /** {@code /}: a short page naming the endpoints; 404 for any other unknown path. */
    private static final class IndexHandler implements HttpHandler {
        private final String page;

        IndexHandler(String metricsPath) {
            this.page = "autoprom agent\n\n" + metricsPath + "  Prometheus metrics\n/-/healthy  liveness\n"
                    + "/autoprom  agent status (JSON)\n";
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            if (exchange.getRequestURI().getPath().equals("/")) {
                respond(exchange, 200, "text/plain; charset=utf-8", page);
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found; see /\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
