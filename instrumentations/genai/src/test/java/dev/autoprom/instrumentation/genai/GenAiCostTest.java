package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cost = tokens x price, with the prompt-cache rules, and nothing for a model the table does not price. */
class GenAiCostTest {

    @BeforeAll
    static void prices() {
        TokenPrices.install(TokenPrices.of(
                "test",
                List.of(
                        new TokenPrice("openai", "cost-included", 2.50, 10.00, 1.25, 1),
                        new TokenPrice("openai", "cost-included-no-cache-price", 2.50, 10.00, Double.NaN, 2),
                        new TokenPrice("aws.bedrock", "cost-on-top", 3.00, 15.00, 0.30, 3),
                        new TokenPrice("aws.bedrock", "cost-on-top-no-cache-price", 3.00, 15.00, Double.NaN, 4)),
                List.of()));
    }

    @AfterAll
    static void noPrices() {
        TokenPrices.install(TokenPrices.NONE);
    }

    private static void record(String provider, String model, long in, long out, long cached, boolean included) {
        GenAiCall call = new GenAiCall(GenAiAdapter.NONE, System.nanoTime());
        call.operation("chat");
        call.provider(provider);
        call.requestModel(model);
        call.inputTokens(in);
        call.outputTokens(out);
        if (cached >= 0) {
            call.cachedInputTokens(cached, included);
        }
        call.end(null);
    }

    private static double cost(String model, String type) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape(n -> n.equals("gen_ai_client_cost_usd"))) {
            for (CounterSnapshot.CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
                if (point.getLabels().get("gen_ai_request_model").equals(model)
                        && point.getLabels().get("gen_ai_token_type").equals(type)) {
                    return point.getValue();
                }
            }
        }
        return -1;
    }

    @Test
    void cachedTokensInsideTheInputCountArePricedApart() {
        record("openai", "cost-included", 1000, 200, 400, true);
        record("openai", "cost-included", 1000, 200, 400, true);
        assertThat(cost("cost-included", "input")).isCloseTo(2 * 600 * 2.50 / 1e6, within(1e-15));
        assertThat(cost("cost-included", "cached_input")).isCloseTo(2 * 400 * 1.25 / 1e6, within(1e-15));
        assertThat(cost("cost-included", "output")).isCloseTo(2 * 200 * 10.00 / 1e6, within(1e-15));
    }

    @Test
    void cachedTokensOnTopOfTheInputCountArePricedApart() {
        record("aws.bedrock", "cost-on-top", 1000, 200, 400, false);
        assertThat(cost("cost-on-top", "input")).isCloseTo(1000 * 3.00 / 1e6, within(1e-15));
        assertThat(cost("cost-on-top", "cached_input")).isCloseTo(400 * 0.30 / 1e6, within(1e-15));
        assertThat(cost("cost-on-top", "output")).isCloseTo(200 * 15.00 / 1e6, within(1e-15));
    }

    @Test
    void withoutACachedInputPriceCacheReadsAreInputTokens() {
        record("openai", "cost-included-no-cache-price", 1000, 200, 400, true);
        record("aws.bedrock", "cost-on-top-no-cache-price", 1000, 200, 400, false);
        assertThat(cost("cost-included-no-cache-price", "input")).isCloseTo(1000 * 2.50 / 1e6, within(1e-15));
        assertThat(cost("cost-on-top-no-cache-price", "input")).isCloseTo(1400 * 3.00 / 1e6, within(1e-15));
        assertThat(cost("cost-included-no-cache-price", "cached_input")).isEqualTo(-1);
        assertThat(cost("cost-on-top-no-cache-price", "cached_input")).isEqualTo(-1);
    }

    @Test
    void anUnpricedModelOrProviderGetsNoSeries() {
        record("openai", "cost-unpriced", 1000, 200, -1, false);
        record("anthropic", "cost-included", 1000, 200, -1, false);
        assertThat(cost("cost-unpriced", "input")).isEqualTo(-1);
        assertThat(cost("cost-unpriced", "output")).isEqualTo(-1);
        // the openai price of "cost-included" did not apply to anthropic's model of that name
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape(n -> n.equals("gen_ai_client_cost_usd"))) {
            assertThat(((CounterSnapshot) snapshot).getDataPoints())
                    .noneMatch(p -> p.getLabels().get("gen_ai_provider_name").equals("anthropic"));
        }
    }
}
