package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.HookCoverage;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Spring's {@code WebClient} over Reactor Netty: a call with a URI template is exactly one record, made by Reactor
 * Netty, with the template as {@code url_template}; a call without one has none; a redirect Reactor Netty follows
 * is a request of its own, without the template.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SpringWebClientIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestServer server;
    private ReactorNettyHttpClientIT.ReactorClient reactor;
    private WebClient web;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        reactor = ReactorNettyHttpClientIT.client(Duration.ofSeconds(5), Duration.ofSeconds(20));
        web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(reactor.client))
                .baseUrl(server.url(""))
                .build();
    }

    @AfterEach
    void stop() {
        reactor.close();
        server.close();
        ClientMetrics.assertNoAgentErrors();
    }

    @Test
    void aCallWithATemplateIsOneRecordWithTheTemplate() {
        for (int i = 0; i < 5; i++) {
            assertThat(web.get()
                            .uri("/items/{id}", 1000 + i)
                            .retrieve()
                            .toBodilessEntity()
                            .block(WAIT)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            web.post()
                    .uri("/orders/{order}/lines?expand={expand}", "ord-5521", "yes")
                    .retrieve()
                    .toBodilessEntity()
                    .block(WAIT);
        }
        assertThatThrownBy(() -> web.get()
                        .uri("/status/{code}", 404)
                        .retrieve()
                        .toBodilessEntity()
                        .block(WAIT))
                .isInstanceOf(WebClientResponseException.NotFound.class);

        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 8);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "/items/{id}", ""))
                .as(metrics.lines())
                .isEqualTo(5);
        assertThat(metrics.countOf("127.0.0.1", "POST", "200", "/orders/{order}/lines", ""))
                .isEqualTo(2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "404", "/status/{code}", ""))
                .isEqualTo(1);
        assertThat(metrics.scrape.text())
                .doesNotContain("ord-5521")
                .doesNotContain("expand=")
                .doesNotContain("items/100");
    }

    @Test
    void aCallWithoutATemplateHasNone() {
        web.get()
                .uri(URI.create(server.url("/items/7")))
                .retrieve()
                .toBodilessEntity()
                .block(WAIT);
        web.get().uri("/items/" + 8).retrieve().toBodilessEntity().block(WAIT); // built by the application
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", ""))
                .as(metrics.lines())
                .isEqualTo(2);
    }

    @Test
    void aFollowedRedirectIsARequestOfItsOwnWithoutTheTemplate() {
        web.get().uri("/{target}", "redirect").retrieve().toBodilessEntity().block(WAIT);
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "302", "/{target}", ""))
                .as(metrics.lines())
                .isEqualTo(1);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", "")).isEqualTo(1);
    }

    @Test
    void aTemplateIsNotLentToTheNextRequestOnTheSameConnection() {
        web.get().uri("/items/{id}", 1).retrieve().toBodilessEntity().block(WAIT);
        // straight on Reactor Netty, after the WebClient call: the pooled connection is reused
        assertThat(reactor.send("GET", server.url("/items/2"))).isEqualTo(200);
        web.get().uri("/items/{id}", 3).retrieve().toBodilessEntity().block(WAIT);
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 3);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "/items/{id}", ""))
                .as(metrics.lines())
                .isEqualTo(2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", "")).isEqualTo(1);
    }

    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(ClientMetrics.AGENT_PORT)
                .assertAllHooksMatched("spring-webclient", System.getProperty("expected.spring-webflux"));
    }
}
