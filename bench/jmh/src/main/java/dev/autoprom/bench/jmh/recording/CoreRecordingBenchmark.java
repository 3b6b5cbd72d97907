package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
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
 * The hot path every family shares: look up the label child in {@link CappedSeries} and record into it. This
 * is what each family recorder does at least once per operation, so it is the floor under every family's
 * number; the family classes next to this one measure the real recorders on top of it.
 *
 * <p>Label values rotate over {@link Labels#COMBOS} distinct sets (as a real service's routes and statuses do),
 * so the map lookup is not a single always-hot entry. Target (issue 7): at most 100 ns and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoreRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> histogramSeries;
    private CappedSeries<CounterDataPoint> counterSeries;
    private DistributionDataPoint heldChild;
    private String[][] labelSets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram histogram = AgentMetrics.histogram(
                        "bench_http_server_request_duration_seconds",
                        "Duration of HTTP server requests.",
                        Labels.HTTP_BUCKETS)
                .labelNames(Labels.HTTP_LABELS)
                .register(registry);
        Counter counter = AgentMetrics.counter("bench_requests_total", "Requests.")
                .labelNames(Labels.HTTP_LABELS)
                .register(registry);
        histogramSeries =
                new CappedSeries<>(histogram, "bench_http_server_request_duration_seconds", Labels.HTTP_LABELS.length);
        counterSeries = new CappedSeries<>(counter, "bench_requests_total", Labels.HTTP_LABELS.length);
        labelSets = Labels.httpLabelSets();
        heldChild = histogramSeries.get(labelSets[0].clone());
    }

    private String[] nextLabels() {
        String[] set = labelSets[next];
        next = (next + 1) & (Labels.COMBOS - 1);
        return set;
    }

    /** CappedSeries.get(5 labels) + Histogram child observe: the shared hot path. */
    @Benchmark
    public void cappedGetAndObserve() {
        String[] l = nextLabels();
        histogramSeries.get(l[0], l[1], l[2], l[3], l[4]).observe(0.0123);
    }

    /** As an advice pair does it: System.nanoTime() on enter and exit, then get + observe in seconds. */
    @Benchmark
    public void timedCappedGetAndObserve() {
        long start = System.nanoTime();
        String[] l = nextLabels();
        long end = System.nanoTime();
        histogramSeries.get(l[0], l[1], l[2], l[3], l[4]).observe((end - start) / 1e9);
    }

    /** CappedSeries.get(5 labels) + counter child inc. */
    @Benchmark
    public void cappedGetAndInc() {
        String[] l = nextLabels();
        counterSeries.get(l[0], l[1], l[2], l[3], l[4]).inc();
    }

    /** Observe on a child the recorder keeps in a field: the lower bound, no label lookup. */
    @Benchmark
    public void heldChildObserve() {
        heldChild.observe(0.0123);
    }
}
