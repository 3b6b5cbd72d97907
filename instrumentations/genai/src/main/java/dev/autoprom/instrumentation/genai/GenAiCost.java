package dev.autoprom.instrumentation.genai;

import static dev.autoprom.instrumentation.genai.GenAiMetricNames.*;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;

/**
 * {@code gen_ai_client_cost_usd_total}: the tokens an operation recorded times the prices of
 * {@code autoprom.genai.prices.file} ({@link TokenPrices}, installed by the agent). A model the table does not
 * price gets no series at all, never a guessed price. Called by {@link GenAiMetrics} for every operation that
 * recorded tokens (a stream that failed midway included: its tokens were used, and billed); with no table, one
 * volatile read and a map look-up that finds nothing.
 */
final class GenAiCost {

    private static final double PER_MILLION = 1_000_000.0;

    private static final Counter COST_COUNTER = AgentMetrics.counter(
                    COST,
                    "Cost of GenAI client operations in USD: tokens times the prices of "
                            + "autoprom.genai.prices.file (only models listed there).")
            .labelNames(PROVIDER_NAME, REQUEST_MODEL, TOKEN_TYPE)
            .register(AgentMetrics.registry());
    private static final CappedSeries<CounterDataPoint> COST_SERIES = new CappedSeries<>(COST_COUNTER, COST, 3);

    private GenAiCost() {}

    static void record(GenAiCall call) {
        TokenPrice price = TokenPrices.current().find(call.provider, call.requestModel);
        if (price == null) {
            return;
        }
        String[] labels = call.costLabels;
        labels[0] = call.provider;
        labels[1] = call.requestModel;
        long cached = call.cachedInputTokens > 0 ? call.cachedInputTokens : 0;
        long input = call.inputTokens > 0 ? call.inputTokens : 0;
        if (cached > 0 && price.hasCachedInputPrice()) {
            // cache reads at their own price, the rest of the input at the input price
            add(labels, INPUT, call.cachedIncludedInInput ? Math.max(0, input - cached) : input, price.inputPerMillion);
            add(labels, CACHED_INPUT, cached, price.cachedInputPerMillion);
        } else {
            // no cached-input price in the file: cache reads are input tokens, at the one input price given
            add(labels, INPUT, call.cachedIncludedInInput ? input : input + cached, price.inputPerMillion);
        }
        add(labels, OUTPUT, call.outputTokens, price.outputPerMillion);
    }

    private static void add(String[] labels, String tokenType, long tokens, double usdPerMillion) {
        if (tokens <= 0) {
            return;
        }
        labels[2] = tokenType;
        COST_SERIES.get(labels).inc(tokens * usdPerMillion / PER_MILLION);
    }
}
