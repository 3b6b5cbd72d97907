package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring's {@code RestClient} and {@code RestTemplate} over each client library they can use: a call with a URI
 * template is exactly one record, made by the library below, with the template as {@code url_template}; a call
 * without one has none.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SpringRestClientIT {

    private TestServer server;

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of("jdk", (Factory) () -> new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build())),
                Arguments.of("httpurlconnection", (Factory) SimpleClientHttpRequestFactory::new),
                Arguments.of("apache5", (Factory) HttpComponentsClientHttpRequestFactory::new),
                Arguments.of("okhttp", (Factory) SpringRestClientIT::okHttp),
                Arguments.of("jetty", (Factory) JettyClientHttpRequestFactory::new));
    }

    /** Spring 6.2 still ships its OkHttp factory (deprecated since 6.1); it runs on OkHttp 5 too. */
    @SuppressWarnings("removal")
    private static ClientHttpRequestFactory okHttp() {
        return new org.springframework.http.client.OkHttp3ClientHttpRequestFactory();
    }

    interface Factory {
        ClientHttpRequestFactory create();
    }

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        ClientMetrics.assertNoAgentErrors();
    }

    private RestClient restClient(Factory factory) {
        return RestClient.builder()
                .requestFactory(factory.create())
                .baseUrl(server.url(""))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void restClientWithATemplateIsOneRecordWithTheTemplate(String client, Factory factory) {
        RestClient rest = restClient(factory);
        for (int i = 0; i < 5; i++) {
            assertThat(rest.get()
                            .uri("/items/{id}", 1000 + i)
                            .retrieve()
                            .toBodilessEntity()
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            rest.post()
                    .uri("/orders/{order}/lines?expand={expand}", "ord-5521", "yes")
                    .retrieve()
                    .toBodilessEntity();
        }
        assertThatThrownBy(
                        () -> rest.get().uri("/status/{code}", 404).retrieve().toBodilessEntity())
                .isInstanceOf(HttpClientErrorException.NotFound.class);

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void restClientWithoutATemplateHasNone(String client, Factory factory) {
        RestClient rest = restClient(factory);
        rest.get().uri(URI.create(server.url("/items/7"))).retrieve().toBodilessEntity();
        rest.get().uri("/items/" + 8).retrieve().toBodilessEntity(); // built by the application: not a template
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", ""))
                .as(metrics.lines())
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void restTemplateWithATemplateIsOneRecordWithTheTemplate(String client, Factory factory) {
        RestTemplate rest = new RestTemplate(factory.create());
        for (int i = 0; i < 3; i++) {
            assertThat(rest.getForObject(server.url("/items/{id}"), String.class, 2000 + i))
                    .isEqualTo("status 200");
        }
        rest.getForObject(URI.create(server.url("/items/9")), String.class);
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 4);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "/items/{id}", ""))
                .as(metrics.lines())
                .isEqualTo(3);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", "")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void aTemplateIsNotLentToTheNextRequestOfTheThread(String client, Factory factory) throws Exception {
        RestClient rest = restClient(factory);
        rest.get().uri("/items/{id}", 1).retrieve().toBodilessEntity();
        // the same thread, straight on the client library, after the Spring call ended
        HttpUrlConnectionIT.send("GET", server.url("/items/2"), Duration.ofSeconds(5), Duration.ofSeconds(20));
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 2);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "/items/{id}", ""))
                .as(metrics.lines())
                .isEqualTo(1);
        assertThat(metrics.countOf("127.0.0.1", "GET", "200", "", "")).isEqualTo(1);
    }
}
