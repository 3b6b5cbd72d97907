package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The http family's test helper: requests to an app, and assertions on its two metrics. Records are made when a
 * response completes, which can be a moment after the client has read it, so counts are awaited (with a
 * deadline) and then checked to be exact.
 */
final class HttpFamily {

    static final String DURATION = "http_server_request_duration_seconds";
    static final String ACTIVE = "http_server_active_requests";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final ChildJvm app;
    final int port;

    HttpFamily(ChildJvm app) {
        this.app = app;
        this.port = Integer.parseInt(
                app.awaitOutput("ready port=(\\d+)", Duration.ofSeconds(90)).group(1));
    }

    /** A request; returns the response, or null when the server dropped the connection. */
    HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    /** {@code count} GETs of {@code path}, each answered with {@code expectedStatus}. */
    void get(String path, int count, int expectedStatus) {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = get(path);
            assertThat(response).as("GET " + path).isNotNull();
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(expectedStatus);
        }
    }

    /** A GET over HTTPS to the port the app printed as "https port=N", trusting its self-signed key. */
    String httpsGet(String path) throws Exception {
        int httpsPort = Integer.parseInt(
                app.awaitOutput("https port=(\\d+)", Duration.ofSeconds(30)).group(1));
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        HttpsURLConnection connection =
                (HttpsURLConnection) new URL("https://127.0.0.1:" + httpsPort + path).openConnection();
        connection.setSSLSocketFactory(trustAll.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The hook checks of the app's agent ({@code /autoprom}). */
    HookCoverage hooks() {
        return HookCoverage.port(app.metricsPort());
    }

    Scrape scrape() {
        return app.scrape();
    }

    /** Label pairs of one duration series: method, status, route; error_type as given ("" = absent). */
    static String[] series(String method, int status, String route, String errorType) {
        return new String[] {
            "http_request_method",
            method,
            "http_response_status_code",
            String.valueOf(status),
            "http_route",
            route,
            "url_scheme",
            "http",
            "error_type",
            errorType
        };
    }

    /** As {@link #series(String, int, String, String)}, with the {@code url_scheme} given. */
    static String[] series(String method, int status, String route, String errorType, String scheme) {
        String[] series = series(method, status, route, errorType);
        series[7] = scheme;
        return series;
    }

    /**
     * A TLS context that trusts any server key and names no host to check (an {@link X509ExtendedTrustManager}: the
     * JDK then adds no hostname check of its own), for a server's throw-away self-signed key.
     */
    static SSLContext trustAll() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(
                null,
                new TrustManager[] {
                    new X509ExtendedTrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        return trustAll;
    }

    /** Waits until the series' _count is exactly {@code expected}, failing if it stays below or goes above. */
    Scrape awaitCount(long expected, String... series) {
        Scrape scrape = awaitUntil(s -> s.sum(DURATION + "_count", series) >= expected);
        assertThat(scrape.value(DURATION + "_count", series))
                .as("count of " + List.of(series))
                .isEqualTo(expected);
        return scrape;
    }

    /** Waits until no request is in flight (every active-requests series at 0). */
    Scrape awaitNoActive() {
        Scrape scrape = awaitUntil(s -> s.find(ACTIVE).stream().allMatch(x -> x.value() == 0));
        assertThat(scrape.find(ACTIVE)).as("active requests").isNotEmpty().allMatch(x -> x.value() == 0);
        return scrape;
    }

    /** Fails if the agent counted any internal failure (advice or recorder) in this app. */
    void assertNoAgentErrors() {
        assertThat(scrape().find("autoprom_agent_errors_total"))
                .as("agent errors")
                .allMatch(s -> s.value() == 0);
    }

    /** Every label value of the family's samples. */
    static List<String> labelValues(Scrape scrape) {
        List<String> values = new ArrayList<>();
        for (Sample s :
                scrape.where(s -> s.name().startsWith(DURATION) || s.name().startsWith(ACTIVE))) {
            values.addAll(s.labels().values());
        }
        return values;
    }

    Scrape awaitUntil(java.util.function.Predicate<Scrape> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = scrape();
        while (!condition.test(scrape) && System.nanoTime() < deadline) {
            sleep(50);
            scrape = scrape();
        }
        return scrape;
    }

    /** Runs {@code threads} × {@code perThread} calls of {@code call} concurrently; each must return true. */
    static void concurrently(int threads, int perThread, Supplier<Boolean> call) throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    if (!call.get()) {
                        failures.add(new AssertionError("a request failed"));
                        return;
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(120_000);
        }
        assertThat(failures).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
