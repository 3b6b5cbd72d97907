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
 * Recording path of the JDBC family: one statement execute: one observation of {@code db_client_operation_duration_seconds}.
 * The real recorder also reduces the SQL to its operation keyword, which the stand-in does not (it is
 * given the keyword): expect the recorder to be measurably slower, and watch its B/op.
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
 *       (the statement advice's exit call with the SQL text, e.g. "SELECT id FROM users WHERE id = ?"), with label values from {@code labelSets} rotated like {@code standIn};</li>
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
public class JdbcRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram("db_client_operation_duration_seconds",
                "Duration of database client operations.", Labels.DB_BUCKETS)
                .labelNames(Labels.DB_LABELS).register(registry);
        series = new CappedSeries<>(duration, "db_client_operation_duration_seconds", Labels.DB_LABELS.length);
        labelSets = Labels.dbLabelSets();
    }

    /** nanoTime around the execute, duration observe with 4 labels. */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        long start = System.nanoTime();
        long end = System.nanoTime();
        series.get(l[0], l[1], l[2], l[3]).observe((end - start) / 1e9);
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
