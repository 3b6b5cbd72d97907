package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.httpclient.ClientHooks;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording path of the HTTP client family: one outbound request: {@code http_client_active_requests} up and
 * down, then one observation of {@code http_client_request_duration_seconds} (7 labels).
 *
 * <p><b>standIn</b> is the naive floor the metric catalog implies (a {@code CappedSeries.get} per metric and
 * request). <b>recorder</b> is the family's real recording code called the way the OkHttp and Apache advice call
 * it: {@code ClientHooks.template()} (the per-thread template hand-over), {@code ClientHooks.start} with the host,
 * port, scheme and method string as the library holds them, then {@code ClientHooks.end} with the status. The JDK
 * {@code HttpClient} and {@code HttpURLConnection} add a small per-request state object around this same code
 * (a completion callback, a weakly held connection entry), which is not in the number.
 * Target (issue 18): at most 100 ns and 0 B/op at steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpClientRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private CappedSeries<GaugeDataPoint> active;
    private String[][] labelSets;
    private int[] statuses;
    private int[] ports;
    private String[] templates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram(
                        "http_client_request_duration_seconds",
                        "Duration of HTTP client requests.",
                        Labels.HTTP_BUCKETS)
                .labelNames(Labels.HTTP_CLIENT_LABELS)
                .register(registry);
        Gauge activeGauge = AgentMetrics.gauge("http_client_active_requests", "Active HTTP client requests.")
                .labelNames(Labels.HTTP_CLIENT_ACTIVE_LABELS)
                .register(registry);
        series = new CappedSeries<>(duration, "http_client_request_duration_seconds", Labels.HTTP_CLIENT_LABELS.length);
        active =
                new CappedSeries<>(activeGauge, "http_client_active_requests", Labels.HTTP_CLIENT_ACTIVE_LABELS.length);
        labelSets = Labels.httpClientLabelSets();
        statuses = new int[labelSets.length];
        ports = new int[labelSets.length];
        templates = new String[labelSets.length];
        for (int i = 0; i < labelSets.length; i++) {
            statuses[i] = Integer.parseInt(labelSets[i][1]);
            ports[i] = Integer.parseInt(labelSets[i][3]);
            templates[i] = labelSets[i][5].isEmpty() ? null : labelSets[i][5];
        }
    }

    private String[] nextLabels() {
        String[] set = labelSets[next];
        next = (next + 1) & (Labels.COMBOS - 1);
        return set;
    }

    /** enter: nanoTime + active++; exit: active--, nanoTime, duration observe with 7 labels. */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        long start = System.nanoTime();
        GaugeDataPoint a = active.get(l[0], l[2], l[3], l[4]);
        a.inc();
        a.dec();
        long end = System.nanoTime();
        series.get(l[0], l[1], l[2], l[3], l[4], l[5], l[6]).observe((end - start) / 1e9);
    }

    /**
     * What {@code okhttp.ConnectInterceptorAdvice} and the Apache exec advice call for one request; labels rotate
     * over the same 16 sets as {@code standIn} (4 servers, 2 methods, 2 statuses, a template on half of them),
     * all created in the warm-up: the steady state of a service's known dependencies.
     */
    @Benchmark
    public void recorder() {
        int i = next;
        String[] l = nextLabels();
        String template = ClientHooks.template();
        long start = ClientHooks.start(l[2], ports[i], true, l[0]);
        ClientHooks.end(
                start, l[2], ports[i], true, l[0], statuses[i], template != null ? template : templates[i], null);
    }
}
