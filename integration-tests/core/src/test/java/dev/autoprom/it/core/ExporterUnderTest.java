package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.assertj.core.api.SoftAssertions;

/**
 * One child JVM ({@link PlainApp}) with the agent's exporter in one {@link Mode}, and bounded clients for it: a
 * timed {@code HttpClient} GET and a raw TCP (or TLS) connection, each of which gives up instead of hanging.
 */
final class ExporterUnderTest implements AutoCloseable {

    /** What a scrape or {@code /-/healthy} must answer within, under attack (issue 13). */
    static final Duration SCRAPE_LIMIT = Duration.ofSeconds(2);
    /** Text only a metrics body contains. */
    static final String METRICS_TEXT = "autoprom_agent_info";

    private static final String USER = "prom";
    private static final String PASSWORD = "secret";
    private static final String KEYSTORE_PASSWORD = "changeit";
    private static Path keystore;
    /** Runs raw GETs, so that each is bounded by a deadline whatever its socket does. */
    private static final ExecutorService RAW_CLIENTS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "exporter-raw-get");
        thread.setDaemon(true);
        return thread;
    });

    /** How the exporter runs: plain HTTP, basic auth on the protected paths, or HTTPS. */
    enum Mode {
        PLAIN,
        AUTH,
        TLS;

        String agentArgs() {
            String common = "port=0,host=127.0.0.1";
            switch (this) {
                case AUTH:
                    return common + ",auth.username=" + USER + ",auth.password=" + PASSWORD;
                case TLS:
                    return common + ",tls.keystore.path=" + keystore() + ",tls.keystore.password=" + KEYSTORE_PASSWORD;
                default:
                    return common;
            }
        }
    }

    /** One GET and the status it must answer. */
    record Probe(String path, boolean credentials, int status) {
        @Override
        public String toString() {
            return "GET " + path + (credentials ? " (with credentials)" : " (no credentials)");
        }
    }

    /** What a timed GET got: a status and body, or why there was none. */
    record Answer(int status, String body, Duration elapsed, String failure) {}

    final Mode mode;
    final ChildJvm app;
    final int port;
    private final SSLContext trusting;
    private final HttpClient client;

    private ExporterUnderTest(Mode mode, ChildJvm app) throws Exception {
        this.mode = mode;
        this.app = app;
        app.awaitOutput("READY", Duration.ofSeconds(30));
        this.port = app.metricsPort();
        this.trusting = mode == Mode.TLS ? trusting() : null;
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(SCRAPE_LIMIT);
        this.client = trusting == null
                ? builder.build()
                : builder.sslContext(trusting).build();
    }

    /** Starts the child JVM and waits for one scrape (the exporter's first, with its class loading) to succeed. */
    static ExporterUnderTest start(Mode mode) throws Exception {
        ChildJvm app = ChildJvm.main(PlainApp.class).agentArgs(mode.agentArgs()).start();
        try {
            ExporterUnderTest exporter = new ExporterUnderTest(mode, app);
            Answer first = exporter.get("/metrics", true, Duration.ofSeconds(20));
            assertThat(first.failure())
                    .as("first scrape; output:\n%s", app.output())
                    .isNull();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).contains(METRICS_TEXT);
            return exporter;
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
    }

    /** The GETs that must keep answering under attack, each within {@link #SCRAPE_LIMIT}. */
    List<Probe> probes() {
        if (mode == Mode.AUTH) {
            return List.of(
                    new Probe("/metrics", true, 200),
                    new Probe("/-/healthy", false, 200),
                    new Probe("/metrics", false, 401));
        }
        return List.of(new Probe("/metrics", false, 200), new Probe("/-/healthy", false, 200));
    }

    /**
     * Each {@link #probes() probe} answers its exact status within {@link #SCRAPE_LIMIT}, through the kept-alive
     * {@code HttpClient} and on a new connection; a metrics body has the agent's metrics. {@code situation} starts
     * each message.
     */
    void assertProbesAnswerInTime(String situation) {
        SoftAssertions soft = new SoftAssertions();
        for (boolean newConnection : new boolean[] {false, true}) {
            for (Probe probe : probes()) {
                Answer answer = get(probe, newConnection);
                String what = situation + ": " + probe + (newConnection ? " on a new connection" : "");
                if (answer.failure() != null) {
                    soft.fail(what + ": " + answer.failure());
                    continue;
                }
                soft.assertThat(answer.status()).as(what + " status").isEqualTo(probe.status());
                soft.assertThat(answer.elapsed()).as(what + " time").isLessThan(SCRAPE_LIMIT);
                if (probe.status() == 200 && probe.path().equals("/metrics")) {
                    soft.assertThat(answer.body()).as(what + " body").contains(METRICS_TEXT);
                }
            }
        }
        soft.assertAll();
    }

    /** The probe through the kept-alive {@code HttpClient}, or on a new raw connection. */
    Answer get(Probe probe, boolean newConnection) {
        return newConnection
                ? getOnNewConnection(probe.path(), probe.credentials(), SCRAPE_LIMIT)
                : get(probe.path(), probe.credentials(), SCRAPE_LIMIT);
    }

    /** A GET on a new connection ({@link HostileClients#get}); never waits longer than {@code limit} (plus 200 ms). */
    Answer getOnNewConnection(String path, boolean credentials, Duration limit) {
        long start = System.nanoTime();
        Future<HostileClients.Response> future =
                RAW_CLIENTS.submit(() -> HostileClients.get(this, path, credentials, limit));
        try {
            HostileClients.Response response = future.get(limit.toMillis() + 200, TimeUnit.MILLISECONDS);
            return new Answer(response.status(), response.body(), since(start), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Answer(-1, null, since(start), "no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Answer(
                    -1, null, since(start), "failed after " + since(start).toMillis() + " ms: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET through a keep-alive {@code HttpClient}; never waits longer than {@code limit} (plus 200 ms). */
    Answer get(String path, boolean credentials, Duration limit) {
        String scheme = mode == Mode.TLS ? "https" : "http";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path))
                .timeout(limit);
        if (credentials && mode == Mode.AUTH) {
            request.header("Authorization", authorization());
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = future.get(limit.toMillis() + 200, TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body(), since(start), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Answer(-1, null, since(start), "no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Answer(
                    -1, null, since(start), "failed after " + since(start).toMillis() + " ms: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code Authorization: ...\r\n} for raw requests in AUTH mode, else nothing. */
    String authorizationLine() {
        return mode == Mode.AUTH ? "Authorization: " + authorization() + "\r\n" : "";
    }

    private static String authorization() {
        return AgentEndpointsIT.basic(USER, PASSWORD);
    }

    /** A TCP connection to the exporter port, whatever the mode; the timeout also becomes its read timeout. */
    Socket tcp(Duration timeout) throws IOException {
        return tcp(timeout, 0);
    }

    /** {@link #tcp(Duration)} with this receive buffer (bytes; 0 for the default), set before connecting. */
    Socket tcp(Duration timeout, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A connection that speaks the mode's protocol: TCP, and in TLS mode a completed handshake. */
    Socket connect(Duration timeout) throws IOException {
        return secure(tcp(timeout), timeout);
    }

    /** Layers TLS over a connected socket in TLS mode (the handshake bounded by {@code timeout}). */
    Socket secure(Socket tcp, Duration timeout) throws IOException {
        if (trusting == null) {
            return tcp;
        }
        try {
            SSLSocket tls = (SSLSocket) trusting.getSocketFactory().createSocket(tcp, "127.0.0.1", port, true);
            tls.setSoTimeout((int) timeout.toMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
    }

    /** The child's thread count, from {@code /proc/<pid>/status}. */
    int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(app.pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).trim());
                }
            }
            throw new AssertionError("no Threads: line for " + app.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many sockets the child holds: its file descriptors that link to {@code socket:[inode]}. */
    int sockets() {
        Path fds = Path.of("/proc", String.valueOf(app.pid()), "fd");
        int count = 0;
        try (var entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        count++;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed between listing and reading it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    @Override
    public void close() {
        app.close();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A PKCS12 keystore for CN=localhost / IP 127.0.0.1, made once per test JVM with the JDK's keytool. */
    static synchronized Path keystore() {
        if (keystore == null) {
            try {
                Path dir = Files.createTempDirectory("autoprom-hostile-");
                Path file = dir.resolve("exporter.p12");
                Process keytool = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "exporter",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=dns:localhost,ip:127.0.0.1",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                file.toString(),
                                "-storepass",
                                KEYSTORE_PASSWORD,
                                "-keypass",
                                KEYSTORE_PASSWORD)
                        .redirectErrorStream(true)
                        .start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(keytool.waitFor(60, TimeUnit.SECONDS))
                        .as("keytool finished")
                        .isTrue();
                assertThat(keytool.exitValue()).as(output).isZero();
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                keystore = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return keystore;
    }

    /** Trusts exactly the keystore's certificate. */
    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore().toFile())) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
