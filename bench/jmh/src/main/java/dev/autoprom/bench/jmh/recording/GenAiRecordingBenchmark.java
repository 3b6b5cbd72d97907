package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
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
 * Recording path of the GenAI family: one blocking call: one observation of {@code gen_ai_client_operation_duration_seconds}
 * and two of {@code gen_ai_client_token_usage} (input and output).
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
 *       (the SDK advice's exit call with operation, provider, models, error and token counts), with label values from {@code labelSets} rotated like {@code standIn};</li>
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
public class GenAiRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    private CappedSeries<DistributionDataPoint> tokens;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram("gen_ai_client_operation_duration_seconds",
                "GenAI operation duration.", Labels.GENAI_DURATION_BUCKETS)
                .labelNames(Labels.GENAI_LABELS).register(registry);
        Histogram usage = AgentMetrics.histogram("gen_ai_client_token_usage", "Tokens used.",
                Labels.GENAI_TOKEN_BUCKETS).labelNames(Labels.GENAI_TOKEN_LABELS).register(registry);
        series = new CappedSeries<>(duration, "gen_ai_client_operation_duration_seconds",
                Labels.GENAI_LABELS.length);
        tokens = new CappedSeries<>(usage, "gen_ai_client_token_usage", Labels.GENAI_TOKEN_LABELS.length);
        labelSets = Labels.genAiLabelSets();
    }

    /** duration observe (5 labels) + input and output token observes (6 labels). */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        long start = System.nanoTime();
        long end = System.nanoTime();
        series.get(l[0], l[1], l[2], l[3], l[4]).observe((end - start) / 1e9);
        tokens.get(l[0], l[1], l[2], l[3], l[4], "input").observe(1200);
        tokens.get(l[0], l[1], l[2], l[3], l[4], "output").observe(350);
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
