package dev.autoprom.instrumentation.http.helidon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The hooks' rules, without Helidon: which exception is the {@code error_type}, when Helidon's pattern is not a
 * template, nesting, and the steady-state allocation of a request.
 */
class HelidonHooksTest {

    private static final int GET = HttpMethods.index("GET");
    private static final int PUT = HttpMethods.index("PUT");

    @Test
    void aPatternBuiltOnTheMatchedPathOfAPatternServiceIsNoRoute() {
        assertThat(HelidonHooks.route(null, null, 0)).isEmpty();
        assertThat(HelidonHooks.route("/items/{id}", null, 0)).isEqualTo("/items/{id}");
        // register("/users/{uid}", service) + get("/orders/{oid}"): Helidon reports "/users/42/orders/{oid}"
        assertThat(HelidonHooks.route("/users/42/orders/{oid}", "/users/42", 1)).isEmpty();
        // a pattern service was tried, but the route that answered is elsewhere
        assertThat(HelidonHooks.route("/hello", "/users/42", 1)).isEqualTo("/hello");
        assertThat(HelidonHooks.route("/hello", "/users/42", 2)).isEmpty();
    }

    @Test
    void literalMatchersAreHelidonsExactOnes() {
        assertThat(HelidonHooks.isLiteral(null)).isFalse();
        assertThat(HelidonHooks.isLiteral(new Object())).isFalse();
    }

    @Test
    void lentExceptionIsTheErrorTypeOfA5xxOnly() {
        record(PUT, 404, "/lend/{a}", new IllegalArgumentException(), null); // NotFoundException-like: handled
        record(PUT, 500, "/lend/{b}", new IllegalStateException(), null);
        record(PUT, 200, "/lend/{c}", new java.io.UncheckedIOException(new java.io.IOException()), new Error("c"));
        record(PUT, 200, "/lend/{d}", null, new Error("d")); // escaped route, nothing lent

        assertThat(count("/lend/{a}", "404", "")).isEqualTo(1);
        assertThat(count("/lend/{b}", "500", IllegalStateException.class.getName()))
                .isEqualTo(1);
        assertThat(count("/lend/{c}", "200", java.io.UncheckedIOException.class.getName()))
                .isEqualTo(1);
        assertThat(count("/lend/{d}", "200", Error.class.getName())).isEqualTo(1);
        assertThat(ServerRequestScope.current().depth).isZero();
        assertThat(ServerRequestScope.current().frameworkError).isNull();
    }

    @Test
    void aNestedRouteIsNotRecordedAgainAndOutsideARequestNothingIsLent() {
        HelidonHooks.errorHandled(new IllegalStateException()); // no request on this thread
        assertThat(ServerRequestScope.current().frameworkError).isNull();
        long outer = HelidonHooks.begin(PUT, false);
        long inner = HelidonHooks.begin(PUT, false);
        assertThat(inner).isEqualTo(Timing.NOT_STARTED);
        HelidonHooks.end(inner, PUT, false, 200, "/nested/inner", null);
        assertThat(ServerRequestScope.current().depth).isEqualTo(1);
        HelidonHooks.end(outer, PUT, false, 200, "/nested/outer", null);
        assertThat(ServerRequestScope.current().depth).isZero();
        assertThat(count("/nested/inner", "200", "")).isZero();
        assertThat(count("/nested/outer", "200", "")).isEqualTo(1);
    }

    @Test
    void steadyStateRequestAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        RuntimeException failure = new IllegalStateException();
        String raw = "/users/42";
        int n = 200_000;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 50 && best >= 0.01; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < n; i++) {
                long start = HelidonHooks.begin(GET, false);
                if (i % 3 == 0) {
                    HelidonHooks.rawPrefix(raw);
                }
                if (i % 5 == 0) {
                    HelidonHooks.errorHandled(failure);
                }
                HelidonHooks.end(start, GET, false, i % 5 == 0 ? 500 : 200, "/alloc/{id}", null);
            }
            best = Math.min(best, (double) (threads.getThreadAllocatedBytes(thread) - before) / n);
        }
        assertThat(best).as("bytes allocated per request").isLessThan(0.01);
    }

    private static void record(int method, int status, String pattern, Throwable lent, Throwable thrown) {
        long start = HelidonHooks.begin(method, false);
        if (lent != null) {
            HelidonHooks.errorHandled(lent);
        }
        HelidonHooks.end(start, method, false, status, pattern, thrown);
    }

    private static long count(String route, String status, String errorType) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals("http_server_request_duration_seconds")) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point :
                        ((HistogramSnapshot) snapshot).getDataPoints()) {
                    Labels labels = point.getLabels();
                    if (route.equals(labels.get("http_route"))
                            && status.equals(labels.get("http_response_status_code"))
                            && errorType.equals(labels.get("error_type"))) {
                        return point.getCount();
                    }
                }
            }
        }
        return 0;
    }
}
