package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import reactor.netty.http.HttpProtocol;
import reactor.netty.resources.ConnectionProvider;
import testapp.SelfSigned;
import testapp.webflux.WebFluxApp;

/**
 * Spring Boot 3.5 WebFlux on Reactor Netty with {@code server.http2.enabled=true}: h2c (cleartext: by prior
 * knowledge and by upgrade from HTTP/1.1) on one app, h2 over TLS (ALPN, a self-signed key made for the test) on
 * another. Each stream is one request, recorded by the {@code netty-http2} hook's handler in the stream's child
 * channel, with WebFlux's pattern as its route; an h2c upgrade is counted once (as its stream, never as a 101); a
 * stream the client resets and a connection dropped mid-stream are each one record with an {@code error_type}.
 * Tests run one after the other on the two apps, and count what they add.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebFluxHttp2IT {

    private static final String COUNT = HttpFamily.DURATION + "_count";
    /** What Netty gives a write to a closed channel: the stream's {@code error_type} when it ends under its response. */
    private static final String ABORTED = "java.nio.channels.ClosedChannelException";

    private ChildJvm cleartextApp;
    private ChildJvm tlsApp;
    private HttpFamily h2c;
    private HttpFamily h2;

    @BeforeAll
    void start() throws Exception {
        cleartextApp = ChildJvm.main(WebFluxApp.class)
                .args("netty", "--server.http2.enabled=true")
                .start();
        h2c = new HttpFamily(cleartextApp);
        Path keystore = SelfSigned.keystore();
        tlsApp = ChildJvm.main(WebFluxApp.class)
                .args(
                        "netty",
                        "--server.http2.enabled=true",
                        "--server.ssl.key-store=file:" + keystore,
                        "--server.ssl.key-store-type=PKCS12",
                        "--server.ssl.key-store-password=" + SelfSigned.PASSWORD,
                        "--server.ssl.key-alias=server")
                .start();
        h2 = new HttpFamily(tlsApp);
    }

    @AfterAll
    void stop() {
        try {
            h2c.awaitNoActive();
            h2.awaitNoActive();
            h2c.assertNoAgentErrors();
            h2.assertNoAgentErrors();
        } finally {
            try {
                cleartextApp.close();
            } finally {
                tlsApp.close();
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2cByPriorKnowledgeIsOneRequestPerStream() {
        String[] items = series("GET", 200, "/items/{id}", "");
        double before = h2c.scrape().sum(COUNT, items);
        ConnectionProvider pool = ConnectionProvider.create("h2c-prior-knowledge", 2);
        try {
            reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(pool)
                    .protocol(HttpProtocol.H2C)
                    .baseUrl("http://127.0.0.1:" + h2c.port);
            for (int i = 0; i < 12; i++) {
                String answer = client.get()
                        .uri("/items/pk-" + i)
                        .responseSingle((response, body) -> body.asString()
                                .map(text -> response.version() + " "
                                        + response.status().code() + " " + text))
                        .block(Duration.ofSeconds(30));
                assertThat(answer).isEqualTo("HTTP/2.0 200 item pk-" + i);
            }
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
        Scrape scrape = h2c.awaitCount((long) before + 12, items);
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("pk-"));
        h2c.awaitNoActive();
        h2c.hooks().assertAllHooksMatched("netty-http2", "Netty/Codec/HTTP2");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2cUpgradeIsCountedOnceAsItsStream() throws Exception {
        String[] items = series("GET", 200, "/items/{id}", "");
        double before = h2c.scrape().sum(COUNT, items);
        // a new client per round: its first request is the HTTP/1.1 upgrade (answered 101, then served as stream
        // 1), the next two are streams 3 and 5 of the same connection
        for (int round = 0; round < 4; round++) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int i = 0; i < 3; i++) {
                String id = "up-" + round + "-" + i;
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h2c.port + "/items/" + id))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.version()).as(id).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.body()).isEqualTo("item " + id);
            }
        }
        Scrape scrape = h2c.awaitCount((long) before + 12, items);
        assertThat(scrape.sum(COUNT, "http_response_status_code", "101"))
                .as("no upgrade recorded as its 101")
                .isZero();
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("up-"));
        h2c.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2OverTlsIsSchemeHttpsWithItsRoute() throws Exception {
        HttpClient client = tlsClient();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response =
                    client.send(tlsGet("/items/tls-" + i), HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.body()).isEqualTo("item tls-" + i);
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = client.send(tlsGet("/fail"), HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(500);
        }
        h2.awaitCount(12, series("GET", 200, "/items/{id}", "", "https"));
        Scrape scrape = h2.awaitCount(3, series("GET", 500, "/fail", "java.lang.IllegalStateException", "https"));
        assertThat(scrape.sum(COUNT, "url_scheme", "http"))
                .as("nothing on this app is plain http")
                .isZero();
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("tls-"));
        h2.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStreamTheClientResetsIsOneRecordWithAnErrorType() throws Exception {
        HttpClient client = tlsClient();
        // a first stream opens the connection, so the reset one is an ordinary stream of an h2 connection
        assertThat(client.send(tlsGet("/hello"), HttpResponse.BodyHandlers.ofString())
                        .version())
                .isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<InputStream> response = client.send(tlsGet("/stream"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        try (InputStream body = response.body()) {
            assertThat(body.read()).isEqualTo('c'); // the first chunk; closing now cancels the stream (RST_STREAM)
        }
        String[] completed = series("GET", 200, "/stream", "", "https");
        Scrape scrape = h2.awaitUntil(s -> s.sum(COUNT, "http_route", "/stream") - s.sum(COUNT, completed) >= 1);
        assertThat(scrape.sum(COUNT, "http_route", "/stream") - scrape.sum(COUNT, completed))
                .as("the reset stream: one record, with an error_type")
                .isEqualTo(1);
        assertThat(scrape.sum(COUNT, completed)).as("and not also as completed").isZero();
        // its headers had gone out; the stream's channel closed under the response
        assertThat(scrape.value(COUNT, series("GET", 200, "/stream", ABORTED, "https")))
                .isEqualTo(1);
        h2.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aConnectionDroppedMidStreamIsOneRecordWithAnErrorType() throws Exception {
        String[] completed = series("GET", 200, "/stream", "");
        double before =
                h2c.scrape().sum(COUNT, "http_route", "/stream") - h2c.scrape().sum(COUNT, completed);
        RawH2c.getThenDropAfterHeaders(h2c.port, "/stream");
        Scrape scrape =
                h2c.awaitUntil(s -> s.sum(COUNT, "http_route", "/stream") - s.sum(COUNT, completed) >= before + 1);
        assertThat(scrape.sum(COUNT, "http_route", "/stream") - scrape.sum(COUNT, completed))
                .as("the stream cut with its connection: one record, with an error_type")
                .isEqualTo(before + 1);
        assertThat(scrape.value(COUNT, series("GET", 200, "/stream", ABORTED))).isEqualTo(before + 1);
        h2c.awaitNoActive();
    }

    private static HttpClient tlsClient() throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(HttpFamily.trustAll())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest tlsGet(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + h2.port + path))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
