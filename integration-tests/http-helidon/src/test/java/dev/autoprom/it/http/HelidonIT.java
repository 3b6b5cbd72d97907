package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.Scrape;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import testapp.helidon.HelidonApp;

/**
 * Helidon 4 SE WebServer (its own HTTP/1.1 server, on virtual threads): recorded at {@code HttpRoutingImpl.route};
 * the route is Helidon's matching pattern as the routing was written.
 */
class HelidonIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return HelidonApp.class;
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "helidon";
    }

    /** The contract's test; when it fails, the message says how many /load requests the server's handler ran. */
    @Override
    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        try {
            super.concurrentRequestsAreCountedExactly();
        } catch (AssertionError e) {
            HttpResponse<String> handled = http.get("/load-count");
            throw new AssertionError(
                    e.getMessage() + " (the app's handler ran GET /load " + (handled == null ? "?" : handled.body())
                            + " times)",
                    e);
        }
    }

    @Test
    void everyHookMatchedHelidon450() {
        http.get("/load", 1, 200); // /load: the contract counts it from a snapshot, not from zero
        http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", series("GET", 200, "/load", "")) >= 1);
        http.hooks().assertAllHooksMatched("helidon", "4.5.0");
    }

    @Test
    void aServiceUnderALiteralPathHasItsFullPattern() {
        for (int i = 0; i < 12; i++) {
            assertThat(http.get("/api/things/" + (7000 + i)).body()).isEqualTo("thing " + (7000 + i));
        }
        Scrape scrape = http.awaitCount(12, series("GET", 200, "/api/things/{id}", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("700"));
    }

    @Test
    void aServiceUnderAPathPatternHasNoRouteRatherThanItsRawPath() {
        // Helidon's own matchingPattern() is "/users/<uid>/orders/{oid}" here: the matched path, not the pattern
        for (int i = 0; i < 15; i++) {
            assertThat(http.get("/users/" + (5100 + i) + "/orders/" + (6100 + i))
                            .body())
                    .isEqualTo("order " + (5100 + i) + "/" + (6100 + i));
        }
        Scrape scrape = http.awaitUntil(
                s -> s.sum(HttpFamily.DURATION + "_count", "http_response_status_code", "200", "http_route", "") >= 15);
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("510") || v.contains("610"));
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_response_status_code", "200", "http_route", ""))
                .isEqualTo(15);
    }

    @Test
    void anExceptionAnErrorHandlerMapsTo409IsNoError() {
        http.get("/conflict", 4, 409);
        http.awaitCount(4, series("GET", 409, "/conflict", ""));
    }
}
