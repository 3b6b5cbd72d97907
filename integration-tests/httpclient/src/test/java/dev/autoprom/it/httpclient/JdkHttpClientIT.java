package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** {@code java.net.http.HttpClient} over HTTP/1.1: {@code send} and {@code sendAsync}. */
class JdkHttpClientIT extends HttpClientContract {

    HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> new JdkClient(
                HttpClient.newBuilder()
                        .version(version())
                        .sslContext(TestTls.clientContext())
                        .connectTimeout(connectTimeout)
                        .build(),
                readTimeout,
                version());
    }

    @Override
    String unknownHostError() {
        return "ConnectException";
    }

    @Override
    String readTimeoutError() {
        return "HttpTimeoutException";
    }

    @Override
    String connectTimeoutError() {
        return "HttpConnectTimeoutException";
    }

    /** The JDK client follows no redirect unless told to ({@code HttpClient.Redirect.NEVER}). */
    @Override
    Map<String, Integer> redirectRecords() {
        return Map.of("302", 1);
    }

    /**
     * Told to follow redirects, the client does so inside one {@code send}: the agent sees the call, not its hops,
     * and records one request with the final status (a documented limit of this instrumentation).
     */
    @Test
    void aFollowedRedirectIsOneRecordWithTheFinalStatus() throws Exception {
        HttpClient following = HttpClient.newBuilder()
                .version(version())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        assertThat(new JdkClient(following, READ_TIMEOUT, version()).send("GET", server.url("/redirect")))
                .isEqualTo(200);
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 1);
        assertThat(metrics.count("GET", "200", "")).as(metrics.lines()).isEqualTo(1);
    }

    static final class JdkClient implements ClientDriver.Client {
        private final HttpClient client;
        private final Duration readTimeout;
        private final HttpClient.Version version;

        JdkClient(HttpClient client, Duration readTimeout, HttpClient.Version version) {
            this.client = client;
            this.readTimeout = readTimeout;
            this.version = version;
        }

        private HttpRequest request(String method, String url) {
            HttpRequest.BodyPublisher body = method.equals("POST") || method.equals("PUT")
                    ? HttpRequest.BodyPublishers.ofString("")
                    : HttpRequest.BodyPublishers.noBody();
            return HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .method(method, body)
                    .build();
        }

        @Override
        public int send(String method, String url) throws Exception {
            HttpResponse<String> response = client.send(request(method, url), HttpResponse.BodyHandlers.ofString());
            if (method.equals("GET") && response.statusCode() == 200) {
                assertThat(response.version()).as("protocol of " + url).isEqualTo(version);
            }
            return response.statusCode();
        }

        @Override
        public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
            CompletableFuture<HttpResponse<String>> future =
                    client.sendAsync(request(method, url), HttpResponse.BodyHandlers.ofString());
            future.whenComplete(
                    (response, thrown) -> callback.accept(response == null ? null : response.statusCode(), thrown));
            return () -> future.cancel(true);
        }
    }
}
