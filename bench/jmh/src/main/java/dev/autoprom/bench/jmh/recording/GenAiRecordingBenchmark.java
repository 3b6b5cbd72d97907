package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
public class GenAiRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    private CappedSeries<DistributionDataPoint> tokens;

    private FakeClient[] clients;
    private FakeRequest[] requests;
    private FakeResponse[] responses;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram(
                        "gen_ai_client_operation_duration_seconds",
                        "GenAI operation duration.",
                        Labels.GENAI_DURATION_BUCKETS)
                .labelNames(Labels.GENAI_LABELS)
                .register(registry);
        Histogram usage = AgentMetrics.histogram(
                        "gen_ai_client_token_usage", "Tokens used.", Labels.GENAI_TOKEN_BUCKETS)
                .labelNames(Labels.GENAI_TOKEN_LABELS)
                .register(registry);
        series = new CappedSeries<>(duration, "gen_ai_client_operation_duration_seconds", Labels.GENAI_LABELS.length);
        tokens = new CappedSeries<>(usage, "gen_ai_client_token_usage", Labels.GENAI_TOKEN_LABELS.length);
        labelSets = Labels.genAiLabelSets();
        // label set i: (operation, provider, model, model, ""), provider (i >> 1) & 1, see Labels.genAiLabelSets
        clients = new FakeClient[] {new FakeClient(labelSets[0][1]), new FakeClient(labelSets[2][1])};
        requests = new FakeRequest[labelSets.length];
        responses = new FakeResponse[labelSets.length];
        for (int i = 0; i < labelSets.length; i++) {
            requests[i] = new FakeRequest(labelSets[i][0], labelSets[i][2]);
            responses[i] = new FakeResponse(labelSets[i][3], 1200, 350);
        }
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

    /**
     * The real recorder for one finished, non-streamed call, as every SDK advice calls it
     * ({@code OpenAiCallAdvice}, {@code AnthropicCallAdvice}, ...): {@code GenAiHooks.enter(adapter, client,
     * request)} (thread-local depth, a new {@code GenAiCall}, the adapter's {@code onStart}), then
     * {@code GenAiHooks.exit(call, response, null)} (not a future, not a stream: the adapter's {@code onResult},
     * then {@code GenAiCall.end}: one duration and two token observations through {@code CappedSeries}).
     * The adapter is a test double ({@link FakeAdapter}) that reads the same fields from plain objects that the
     * SDK adapters read through the SDK's accessors; the cost of those accessors is not in this number.
     */
    @Benchmark
    public Object recorder() {
        int i = next;
        nextLabels();
        GenAiCall call = GenAiHooks.enter(ADAPTER, clients[(i >> 1) & 1], requests[i]);
        return GenAiHooks.exit(call, responses[i], null);
    }

    /**
     * {@link #recorder} with a price table ({@code autoprom.genai.prices.file}) that prices every model of the
     * label sets: the same call plus the table look-up and two {@code gen_ai_client_cost_usd_total} increments.
     * The table is installed per fork (each benchmark method runs in its own JVM), so {@code recorder} stays
     * price-free.
     */
    @Benchmark
    public Object recorderPriced(Prices prices) {
        return recorder();
    }

    /** Installs a table pricing every provider and model of {@link Labels#genAiLabelSets()}. */
    @State(Scope.Benchmark)
    public static class Prices {
        @Setup(Level.Trial)
        public void install() {
            List<TokenPrice> table = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String[] set : Labels.genAiLabelSets()) {
                if (seen.add(set[1] + ' ' + set[2])) {
                    table.add(new TokenPrice(set[1], set[2], 2.50, 10.00, 1.25, table.size() + 1));
                }
            }
            TokenPrices.install(TokenPrices.of("bench", table, List.of()));
        }
    }

    private static final GenAiAdapter ADAPTER = new FakeAdapter();

    /** What an SDK's client, request and response expose to its adapter: provider, models, token counts. */
    record FakeClient(String provider) {}

    record FakeRequest(String operation, String model) {}

    record FakeResponse(String model, long inputTokens, long outputTokens) {}

    /** An adapter as the SDK bridges are (e.g. {@code OpenAiAdapter}), over the fake SDK types. */
    static final class FakeAdapter implements GenAiAdapter {
        @Override
        public String component() {
            return "genai.bench";
        }

        @Override
        public void onStart(GenAiCall call, Object client, Object request) {
            call.provider(((FakeClient) client).provider());
            FakeRequest r = (FakeRequest) request;
            call.operation(r.operation());
            call.requestModel(r.model());
        }

        @Override
        public void onResult(GenAiCall call, Object result) {
            if (result instanceof FakeResponse) {
                FakeResponse r = (FakeResponse) result;
                call.inputTokens(r.inputTokens());
                call.outputTokens(r.outputTokens());
                call.responseModel(r.model());
            }
        }

        @Override
        public Object wrapStream(GenAiCall call, Object result) {
            return null;
        }

        @Override
        public void onEvent(GenAiCall call, Object event) {}
    }
}
