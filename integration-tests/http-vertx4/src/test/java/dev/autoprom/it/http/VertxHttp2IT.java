package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import testapp.vertx.VertxApp;

/**
 * Vert.x core's HTTP/2 server (4.5 here, 5 in http-vertx5: the same source) with Vert.x Web routes, driven by
 * Vert.x's own HTTP/2 client: h2c by prior knowledge and by upgrade on the app's plain port, h2 over TLS (ALPN) on
 * its second port. Each stream is one request with its Vert.x Web route and exception; an h2c upgrade is counted
 * once; a stream the client resets and a connection dropped mid-stream are each one record with an
 * {@code error_type}; a held stream is active until it ends. Tests run one after the other and count what they add.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxHttp2IT {

    private static final String COUNT = HttpFamily.DURATION + "_count";

    private ChildJvm app;
    private HttpFamily http;
    private int httpsPort;
    private Vertx vertx;

    @BeforeAll
    void start() {
        app = ChildJvm.main(VertxApp.class).args("tls").start();
        http = new HttpFamily(app);
        httpsPort = Integer.parseInt(
                app.awaitOutput("https port=(\\d+)", Duration.ofSeconds(30)).group(1));
        vertx = Vertx.vertx();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            http.awaitNoActive();
            http.assertNoAgentErrors();
        } finally {
            try {
                await(vertx.close());
            } finally {
                app.close();
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2cByPriorKnowledgeIsOneRequestPerStreamWithItsRouteAndException() throws Exception {
        String[] items = series("GET", 200, "/items/:id", "");
        String[] failed = series("GET", 500, "/fail", "java.lang.IllegalStateException");
        double itemsBefore = http.scrape().sum(COUNT, items);
        double failedBefore = http.scrape().sum(COUNT, failed);
        HttpClient client = vertx.createHttpClient(priorKnowledge());
        try {
            for (int i = 0; i < 12; i++) {
                assertThat(get(client, http.port, "/items/pk-" + i)).isEqualTo("HTTP_2 200 item pk-" + i);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(get(client, http.port, "/fail")).startsWith("HTTP_2 500");
            }
        } finally {
            await(client.close());
        }
        http.awaitCount((long) failedBefore + 3, failed);
        Scrape scrape = http.awaitCount((long) itemsBefore + 12, items);
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("pk-"));
        http.awaitNoActive();
        http.hooks().assertAllHooksMatched("vertx", "Vert.x Core");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2cUpgradeIsCountedOnceAsItsStream() throws Exception {
        String[] items = series("GET", 200, "/items/:id", "");
        double before = http.scrape().sum(COUNT, items);
        // a new client per round: its first request is the HTTP/1.1 upgrade (101, then stream 1), then streams
        for (int round = 0; round < 4; round++) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(true));
            try {
                for (int i = 0; i < 3; i++) {
                    String id = "up-" + round + "-" + i;
                    assertThat(get(client, http.port, "/items/" + id)).isEqualTo("HTTP_2 200 item " + id);
                }
            } finally {
                await(client.close());
            }
        }
        Scrape scrape = http.awaitCount((long) before + 12, items);
        assertThat(scrape.sum(COUNT, "http_response_status_code", "101"))
                .as("no upgrade recorded as its 101")
                .isZero();
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("up-"));
        http.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void h2OverTlsIsSchemeHttps() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setSsl(true)
                .setUseAlpn(true)
                .setTrustAll(true)
                .setVerifyHost(false));
        try {
            for (int i = 0; i < 12; i++) {
                assertThat(get(client, httpsPort, "/items/tls-" + i)).isEqualTo("HTTP_2 200 item tls-" + i);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(get(client, httpsPort, "/fail")).startsWith("HTTP_2 500");
            }
        } finally {
            await(client.close());
        }
        http.awaitCount(12, series("GET", 200, "/items/:id", "", "https"));
        Scrape scrape = http.awaitCount(3, series("GET", 500, "/fail", "java.lang.IllegalStateException", "https"));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("tls-"));
        http.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStreamTheClientResetsIsOneRecordWithAnErrorType() throws Exception {
        String[] reset = series("GET", 200, "/stream", "io.vertx.core.http.StreamResetException");
        String[] completed = series("GET", 200, "/stream", "");
        Scrape start = http.scrape();
        double before = start.sum(COUNT, reset);
        double notCompletedBefore = start.sum(COUNT, "http_route", "/stream") - start.sum(COUNT, completed);
        HttpClient client = vertx.createHttpClient(priorKnowledge());
        try {
            HttpClientResponse response = await(client.request(HttpMethod.GET, http.port, "127.0.0.1", "/stream")
                    .compose(request -> request.send()));
            assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(200);
            response.request().reset(); // RST_STREAM, mid-response (5 chunks 100 ms apart)
        } finally {
            await(client.close());
        }
        Scrape scrape = http.awaitCount((long) before + 1, reset);
        assertThat(scrape.sum(COUNT, "http_route", "/stream") - scrape.sum(COUNT, completed))
                .as("one record of /stream not completed was added: this one")
                .isEqualTo(notCompletedBefore + 1);
        http.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aConnectionDroppedMidStreamIsOneRecordWithAnErrorType() throws Exception {
        String[] closed = series("GET", 200, "/stream", "io.vertx.core.http.HttpClosedException");
        double before = http.scrape().sum(COUNT, closed);
        RawH2c.getThenDropAfterHeaders(http.port, "/stream");
        http.awaitCount((long) before + 1, closed);
        http.awaitNoActive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHeldStreamIsActiveUntilItEnds() throws Exception {
        HttpClient client = vertx.createHttpClient(priorKnowledge());
        try {
            Future<String> held = client.request(HttpMethod.DELETE, http.port, "127.0.0.1", "/hold")
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.version() + " " + body));
            Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.ACTIVE, "http_request_method", "DELETE") == 1);
            assertThat(scrape.value(HttpFamily.ACTIVE, "http_request_method", "DELETE", "url_scheme", "http"))
                    .isEqualTo(1);
            assertThat(get(client, http.port, "/release")).isEqualTo("HTTP_2 200 released");
            assertThat(await(held)).isEqualTo("HTTP_2 released");
        } finally {
            await(client.close());
        }
        http.awaitCount(1, series("DELETE", 200, "/hold", ""));
        http.awaitNoActive();
    }

    static HttpClientOptions priorKnowledge() {
        return new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
    }

    /** A GET answered as "version status body". */
    static String get(HttpClient client, int port, String path) throws Exception {
        return await(client.request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(request -> request.send())
                .compose(response ->
                        response.body().map(body -> response.version() + " " + response.statusCode() + " " + body)));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
