package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
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
 * <p><b>TO FILL when the family lands</b> (see bench/README.md, "Plugging in a family recorder"):
 * <ol>
 *   <li>uncomment the family's dependency in bench/jmh/pom.xml;</li>
 *   <li>in {@link #setUp} build the recorder (or its static entry point's inputs) exactly as the advice does;</li>
 *   <li>add {@code @Benchmark public void recorder()} calling the entry point the advice calls
 *       (the HTTP server recorder's request-end method, e.g. for the JDK HttpServer advice), with label values from {@code labelSets} rotated like {@code standIn};</li>
 *   <li>keep {@code standIn}: the gap between the two is the family's own cost.</li>
 * </ol>
 * Target (issue 7): at most 100 ns and 0 B/op at steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    private CappedSeries<GaugeDataPoint> active;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram("http_server_request_duration_seconds",
                "Duration of HTTP server requests.", Labels.HTTP_BUCKETS)
                .labelNames(Labels.HTTP_LABELS).register(registry);
        Gauge activeGauge = AgentMetrics.gauge("http_server_active_requests", "Active HTTP server requests.")
                .labelNames("http_request_method", "url_scheme").register(registry);
        series = new CappedSeries<>(duration, "http_server_request_duration_seconds", Labels.HTTP_LABELS.length);
        active = new CappedSeries<>(activeGauge, "http_server_active_requests", 2);
        labelSets = Labels.httpLabelSets();
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

    // @Benchmark
    // public void recorder() {
    //     String[] l = nextLabels();
    //     ... the family's real recording entry point ...
    // }
}
