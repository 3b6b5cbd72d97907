package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpProtocol;
import reactor.netty.resources.ConnectionProvider;
import testapp.webflux.WebFluxApp;

/**
 * WebFlux on Reactor Netty with {@code autoprom.test.fault.injection=true}: the Netty and WebFlux hooks throw on
 * entry and exit, next to the real advice; the application answers as without the agent and the real advice still
 * recorded each request with its pattern and exception.
 */
class WebFluxFaultInjectionIT {

    @Test
    void failingAdviceChangesNothingTheApplicationSees() {
        try (ChildJvm app = ChildJvm.main(WebFluxApp.class)
                .args("netty")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 4; i++) {
                assertThat(http.get("/fn/n" + i).body()).isEqualTo("fn n" + i);
            }
            http.get("/fail", 2, 500);
            http.awaitCount(4, series("GET", 200, "/fn/{name}", ""));
            Scrape scrape = http.awaitCount(2, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            // per request: createExchange's enter and exit
            assertThat(scrape.value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(2 * 6);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }

    /**
     * The same with {@code server.http2.enabled=true}, over h2c streams (by prior knowledge, and by upgrade from
     * HTTP/1.1): the stream codec's hook ({@code netty-http2}) throws too, and each stream is still recorded once.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void failingHttp2AdviceChangesNothingTheApplicationSees() throws Exception {
        try (ChildJvm app = ChildJvm.main(WebFluxApp.class)
                .args("netty", "--server.http2.enabled=true")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            double errorsBefore = http.scrape().sum("autoprom_agent_errors_total", "component", "advice");
            ConnectionProvider pool = ConnectionProvider.create("fault-injection-h2c", 1);
            try {
                reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(pool)
                        .protocol(HttpProtocol.H2C)
                        .baseUrl("http://127.0.0.1:" + http.port);
                for (int i = 0; i < 4; i++) {
                    String answer = client.get()
                            .uri("/fn/n" + i)
                            .responseSingle(
                                    (response, body) -> body.asString().map(text -> response.version() + " " + text))
                            .block(Duration.ofSeconds(30));
                    assertThat(answer).isEqualTo("HTTP/2.0 fn n" + i);
                }
                Integer status = client.get()
                        .uri("/fail")
                        .responseSingle(
                                (response, body) -> Mono.just(response.status().code()))
                        .block(Duration.ofSeconds(30));
                assertThat(status).isEqualTo(500);
            } finally {
                pool.disposeLater().block(Duration.ofSeconds(10));
            }
            HttpClient upgrading =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            for (int i = 4; i < 6; i++) {
                HttpResponse<String> response = upgrading.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port + "/fn/n" + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.body()).isEqualTo("fn n" + i);
            }
            http.awaitCount(6, series("GET", 200, "/fn/{name}", ""));
            Scrape scrape = http.awaitCount(1, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_response_status_code", "101"))
                    .isZero();
            // per stream: the stream codec's handlerAdded and createExchange, enter and exit
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "advice") - errorsBefore)
                    .isGreaterThanOrEqualTo(7 * 4);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            http.awaitNoActive();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
