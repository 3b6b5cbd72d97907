package dev.autoprom.bench.jmh.scrape;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of a registry holding {@code series} labelled children, written in the Prometheus text format
 * 0.0.4 (what Prometheus gets without content negotiation) — the work the agent's exporter does per scrape,
 * minus the socket.
 *
 * <p>"Series" here means label sets (children), the unit {@code autoprom.cardinality.limit} counts. A classic
 * histogram child with the HTTP catalog's 14 buckets is 17 exposition lines ({@code _bucket} x15 with
 * {@code +Inf}, {@code _count}, {@code _sum}), so {@code kind=histogram} writes ~17x the lines of
 * {@code kind=counter}. {@code kind=mixed} is half counters, half histograms.
 *
 * <p>Target (issue 7): a 10,000-series scrape under 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScrapeBenchmark {

    static final double[] HTTP_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE"};
    private static final String[] STATUS = {"200", "201", "204", "400", "404", "500"};

    @Param({"10000"})
    public int series;

    @Param({"counter", "histogram", "mixed"})
    public String kind;

    private PrometheusRegistry registry;
    private PrometheusTextFormatWriter writer;
    private ByteArrayOutputStream out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        registry = new PrometheusRegistry();
        writer = PrometheusTextFormatWriter.create();
        int counters;
        int histograms;
        switch (kind) {
            case "counter":
                counters = series;
                histograms = 0;
                break;
            case "histogram":
                counters = 0;
                histograms = series;
                break;
            case "mixed":
                counters = series / 2;
                histograms = series - series / 2;
                break;
            default:
                throw new IllegalArgumentException("kind=" + kind);
        }
        if (counters > 0) {
            Counter counter = Counter.builder()
                    .name("bench_http_server_requests_total")
                    .help("Requests, by method, route and status.")
                    .labelNames("http_request_method", "http_route", "http_response_status_code")
                    .withoutExemplars()
                    .register(registry);
            for (int i = 0; i < counters; i++) {
                CounterDataPoint child = counter.labelValues(labels(i));
                child.inc(1 + i % 17);
            }
        }
        if (histograms > 0) {
            Histogram histogram = Histogram.builder()
                    .name("bench_http_server_request_duration_seconds")
                    .help("Duration of HTTP server requests.")
                    .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                    .labelNames("http_request_method", "http_route", "http_response_status_code")
                    .classicUpperBounds(HTTP_BUCKETS)
                    .classicOnly()
                    .withoutExemplars()
                    .register(registry);
            for (int i = 0; i < histograms; i++) {
                DistributionDataPoint child = histogram.labelValues(labels(i));
                child.observe(0.001 * (1 + i % 500));
            }
        }
        out = new ByteArrayOutputStream(1 << 20);
        writeOnce(); // size the buffer once, so B/op is the scrape's own garbage and not buffer growth
    }

    private static String[] labels(int i) {
        return new String[] {
            METHODS[i % METHODS.length], "/api/v1/resource" + (i / STATUS.length) + "/{id}", STATUS[i % STATUS.length]
        };
    }

    /** registry.scrape(): collecting the snapshots only. */
    @Benchmark
    public MetricSnapshots collect() {
        return registry.scrape();
    }

    /** registry.scrape() + PrometheusTextFormatWriter: one whole scrape body; returns its size in bytes. */
    @Benchmark
    public int collectAndWriteText() throws IOException {
        return writeOnce();
    }

    private int writeOnce() throws IOException {
        out.reset();
        writer.write(out, registry.scrape());
        return out.size();
    }
}
