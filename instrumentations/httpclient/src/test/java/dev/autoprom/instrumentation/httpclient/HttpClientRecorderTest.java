package dev.autoprom.instrumentation.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.http.HttpMethods;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The recorder on its own: exact label values, the cap and the allocation-free steady state. The series cap is
 * set to {@value #LIMIT} before the recorder's metrics exist (this is the only test class that touches them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpClientRecorderTest {

    static final int LIMIT = 50;

    static {
        AgentMetrics.configure(LIMIT, false, Labels.EMPTY);
    }

    private static final int GET = HttpMethods.index("GET");

    @Test
    void aRequestIsOneObservationWithTheDesignsLabels() {
        long start = HttpClientRecorder.start("labels.example", 8443, true, GET);
        assertThat(active("labels.example", "8443", "https", "GET")).isEqualTo(1);
        HttpClientRecorder.end(start, "labels.example", 8443, true, GET, 201, null, null);

        assertThat(active("labels.example", "8443", "https", "GET")).isEqualTo(0);
        HistogramSnapshot.HistogramDataPointSnapshot point = onlyDuration("labels.example");
        assertThat(labels(point.getLabels()))
                .containsExactly(
                        Map.entry("error_type", ""),
                        Map.entry("http_request_method", "GET"),
                        Map.entry("http_response_status_code", "201"),
                        Map.entry("server_address", "labels.example"),
                        Map.entry("server_port", "8443"),
                        Map.entry("url_scheme", "https"),
                        Map.entry("url_template", ""));
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(HttpClientRecorder.DURATION.collect().getDataPoints()).isNotEmpty();
    }

    @Test
    void defaultPortsUnknownMethodsTemplatesAndIpv6() {
        long start = HttpClientRecorder.start("[::1]", -1, false, HttpMethods.index("PROPFIND"));
        HttpClientRecorder.end(start, "[::1]", -1, false, HttpMethods.index("PROPFIND"), 207, "/items/{id}", null);
        HistogramSnapshot.HistogramDataPointSnapshot point = onlyDuration("::1");
        assertThat(point.getLabels().get("server_port")).isEqualTo("80");
        assertThat(point.getLabels().get("http_request_method")).isEqualTo("_OTHER");
        assertThat(point.getLabels().get("url_template")).isEqualTo("/items/{id}");
        assertThat(active("::1", "80", "http", "_OTHER")).isEqualTo(0);

        start = HttpClientRecorder.start("tls.example", 0, true, GET);
        HttpClientRecorder.end(start, "tls.example", 0, true, GET, 200, null, null);
        assertThat(onlyDuration("tls.example").getLabels().get("server_port")).isEqualTo("443");
    }

    @Test
    void errorTypeIsTheSimpleClassNameOrTheServerErrorStatus() {
        end("errors.example", 500, null);
        end("errors.example", 503, null);
        end("errors.example", 404, null);
        end("errors.example", 0, new ConnectException("refused"));
        end("errors.example", 0, new CompletionException(new ExecutionException(new ConnectException("x"))));
        Map<String, Long> byError = durations("errors.example").stream()
                .collect(Collectors.toMap(
                        p -> p.getLabels().get("http_response_status_code") + "/"
                                + p.getLabels().get("error_type"),
                        HistogramSnapshot.HistogramDataPointSnapshot::getCount));
        assertThat(byError)
                .containsOnly(
                        Map.entry("500/500", 1L),
                        Map.entry("503/503", 1L),
                        Map.entry("404/", 1L),
                        Map.entry("/ConnectException", 2L));
        assertThat(ClientErrors.type(0, new RuntimeException() {})).contains("HttpClientRecorderTest$");
    }

    @Test
    @Order(Integer.MAX_VALUE) // fills the cap: the other tests need room for their series
    void serverAddressesPastTheCapGoToOneOverflowSeriesAndEveryRequestIsCounted() {
        int before = HttpClientRecorder.DURATION_SERIES.size();
        int requests = 3 * LIMIT;
        for (int i = 0; i < requests; i++) {
            end("flood-" + i + ".example", 200, null);
        }
        assertThat(HttpClientRecorder.DURATION_SERIES.size()).isEqualTo(LIMIT);
        assertThat(HttpClientRecorder.ACTIVE_SERIES.size()).isLessThanOrEqualTo(LIMIT);
        long flood = HttpClientRecorder.DURATION.collect().getDataPoints().stream()
                .filter(p -> p.getLabels().get("server_address").startsWith("flood-"))
                .mapToLong(HistogramSnapshot.HistogramDataPointSnapshot::getCount)
                .sum();
        HistogramSnapshot.HistogramDataPointSnapshot overflow = onlyDuration(CappedSeries.OVERFLOW);
        assertThat(flood).as("one series per address until the cap").isEqualTo(LIMIT - before);
        assertThat(overflow.getCount()).as("every later request, counted once").isEqualTo(requests - flood);
        // the in-flight gauge stays balanced in the overflow series too
        assertThat(HttpClientRecorder.ACTIVE.collect().getDataPoints()).allMatch(p -> p.getValue() == 0);
    }

    @Test
    void steadyStateRecordingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ConnectException failure = new ConnectException("refused");
        String template = "/users/{id}";
        int n = 200_000;
        double best = Double.MAX_VALUE;
        // the first rounds create the children and run before the JIT has compiled the path; the best round is
        // the steady state
        for (int round = 0; round < 50 && best >= 0.01; round++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < n; i++) {
                int kind = i % 4;
                long start = HttpClientRecorder.start("steady.example", 8080, false, GET);
                HttpClientRecorder.end(
                        start,
                        "steady.example",
                        8080,
                        false,
                        GET,
                        kind == 1 ? 404 : kind == 2 ? 0 : 200,
                        kind == 3 ? template : null,
                        kind == 2 ? failure : null);
            }
            best = Math.min(best, (double) (threads.getThreadAllocatedBytes(thread) - before) / n);
        }
        assertThat(best).as("bytes allocated per request").isLessThan(0.01);
    }

    private static void end(String host, int status, Throwable failure) {
        long start = HttpClientRecorder.start(host, 80, false, GET);
        HttpClientRecorder.end(start, host, 80, false, GET, status, null, failure);
    }

    private static double active(String address, String port, String scheme, String method) {
        GaugeSnapshot snapshot = HttpClientRecorder.ACTIVE.collect();
        return snapshot.getDataPoints().stream()
                .filter(p -> p.getLabels().get("server_address").equals(address)
                        && p.getLabels().get("server_port").equals(port)
                        && p.getLabels().get("url_scheme").equals(scheme)
                        && p.getLabels().get("http_request_method").equals(method))
                .mapToDouble(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
                .sum();
    }

    private static List<HistogramSnapshot.HistogramDataPointSnapshot> durations(String address) {
        return HttpClientRecorder.DURATION.collect().getDataPoints().stream()
                .filter(p -> p.getLabels().get("server_address").equals(address))
                .collect(Collectors.toList());
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot onlyDuration(String address) {
        List<HistogramSnapshot.HistogramDataPointSnapshot> points = durations(address);
        assertThat(points).hasSize(1);
        return points.get(0);
    }

    private static Map<String, String> labels(Labels labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.getName(i), labels.getValue(i));
        }
        return map;
    }
}
