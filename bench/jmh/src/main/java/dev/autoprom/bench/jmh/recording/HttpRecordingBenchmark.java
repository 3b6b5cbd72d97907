package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
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
 * Recording path of the HTTP family: one server request: {@code http_server_active_requests} up and down, then one observation of
 * {@code http_server_request_duration_seconds}.
 *
 * <p><b>standIn</b> does what the metric catalog (shared/DESIGN.md) implies the recorder must do at least:
 * the CappedSeries look-ups and observations with this family's label count and buckets. It is the floor, not
 * the family's number.
 *
 * <p><b>recorder</b> calls the family's real recording code the way its advice does (see the method). Keep
 * {@code standIn}: {@code recorder - standIn} is the family's own cost. The recorder registers into the global
 * {@code AgentMetrics.registry()}; one fork per class keeps each class's series apart.
 * Target (issue 7): at most 100 ns and 0 B/op at steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    private CappedSeries<GaugeDataPoint> active;
    private int[] statuses;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram(
                        "http_server_request_duration_seconds",
                        "Duration of HTTP server requests.",
                        Labels.HTTP_BUCKETS)
                .labelNames(Labels.HTTP_LABELS)
                .register(registry);
        Gauge activeGauge = AgentMetrics.gauge("http_server_active_requests", "Active HTTP server requests.")
                .labelNames("http_request_method", "url_scheme")
                .register(registry);
        series = new CappedSeries<>(duration, "http_server_request_duration_seconds", Labels.HTTP_LABELS.length);
        active = new CappedSeries<>(activeGauge, "http_server_active_requests", 2);
        labelSets = Labels.httpLabelSets();
        statuses = new int[labelSets.length];
        for (int i = 0; i < labelSets.length; i++) {
            statuses[i] = Integer.parseInt(labelSets[i][1]);
        }
    }

    /** enter: nanoTime + active++; exit: active--, nanoTime, duration observe with 5 labels. */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        long start = System.nanoTime();
        GaugeDataPoint a = active.get(l[0], l[3]);
        a.inc();
        a.dec();
        long end = System.nanoTime();
        series.get(l[0], l[1], l[2], l[3], l[4]).observe((end - start) / 1e9);
    }

    private String[] nextLabels() {
        String[] set = labelSets[next];
        next = (next + 1) & (Labels.COMBOS - 1);
        return set;
    }

    /**
     * The real recorder, as the JDK {@code HttpServer} filter ({@code jdkserver.bridge.MetricsFilter}) and the
     * servlet hooks call it: the method to its index, {@code HttpServerRecorder.start} (active gauge up, start
     * time), then {@code HttpServerRecorder.end} with the status and a known route template (active gauge down,
     * route lookup, cached child, duration observe). Labels rotate over the same 16 sets as {@code standIn};
     * all of them are created in the warm-up, so this is the steady state of known routes.
     */
    @Benchmark
    public void recorder() {
        int i = next;
        String[] l = nextLabels();
        int method = HttpMethods.index(l[0]);
        long start = HttpServerRecorder.start(method, false);
        HttpServerRecorder.end(start, method, false, statuses[i], l[2], (String) null);
    }
}
