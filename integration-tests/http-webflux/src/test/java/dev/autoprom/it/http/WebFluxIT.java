package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.Scrape;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import testapp.webflux.WebFluxApp;

/**
 * Spring Boot 3.5 WebFlux on Reactor Netty: recorded once, at the Netty pipeline; the routes are WebFlux's
 * best-matching patterns, from annotated controllers and from a functional RouterFunction.
 */
class WebFluxIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return WebFluxApp.class;
    }

    @Override
    protected String[] appArgs() {
        return new String[] {"netty"};
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "webflux";
    }

    @Test
    void functionalRouteIsItsPattern() {
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> response = http.get("/fn/name-" + i);
            assertThat(response.body()).isEqualTo("fn name-" + i);
        }
        Scrape scrape = http.awaitCount(7, series("GET", 200, "/fn/{name}", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("name-"));
    }

    @Test
    void serverSentEventsAreRecordedWhenTheStreamEnds() {
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/sse").body()).contains("data:event-0", "data:event-2");
        }
        Scrape scrape = http.awaitCount(2, series("GET", 200, "/sse", ""));
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", series("GET", 200, "/sse", "")))
                .as("two streams of 3 events 100 ms apart")
                .isGreaterThanOrEqualTo(2 * 0.25);
    }

    @Test
    void nettyRecordsAndWebFluxLendsItsRoute() {
        http.get("/load", 1, 200);
        http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", "http_route", "/load") >= 1);
        http.hooks().assertAllHooksMatched("netty", "Netty/Transport").assertAllHooksMatched("webflux", "spring-web");
    }

    @Test
    void streamFailingAfterItsResponseStartedIsRecordedOnceWithTheException() {
        for (int i = 0; i < 2; i++) {
            http.get("/stream-fail"); // the server cuts the response: the client may see an error or a short body
        }
        // the status is whatever had been sent: 200 once the headers went out, 500 where the server still
        // held them back (Tomcat buffers the first chunks)
        String[] failed = {"http_route", "/stream-fail", "error_type", "java.lang.IllegalStateException"};
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", failed) >= 2);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", failed)).isEqualTo(2);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_route", "/stream-fail"))
                .isEqualTo(2);
        http.awaitNoActive();
    }
}
