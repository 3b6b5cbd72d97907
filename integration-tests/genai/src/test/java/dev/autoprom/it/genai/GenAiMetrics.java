package dev.autoprom.it.genai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;

/**
 * Scrapes the agent in this test JVM (on a free port, see {@link InJvmAgent}) and reads the
 * genai family's histograms by request model: each test uses its own model names, so tests never see each other's
 * samples.
 */
final class GenAiMetrics {

    static final int PORT = InJvmAgent.port();
    static final String DURATION = "gen_ai_client_operation_duration_seconds";
    static final String TOKENS = "gen_ai_client_token_usage";
    static final String FIRST_CHUNK = "gen_ai_client_operation_time_to_first_chunk_seconds";
    static final String PER_CHUNK = "gen_ai_client_operation_time_per_output_chunk_seconds";

    private GenAiMetrics() {}

    static Scrape scrape() {
        return Scrape.port(PORT);
    }

    /** Waits (async calls record on the SDK's thread) until {@code metric}_count for the model reaches n. */
    static Scrape awaitCount(String metric, String requestModel, double n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = scrape();
        while (scrape.sum(metric + "_count", "gen_ai_request_model", requestModel) < n
                && System.nanoTime() < deadline) {
            sleep(25);
            scrape = scrape();
        }
        assertThat(scrape.sum(metric + "_count", "gen_ai_request_model", requestModel))
                .as("%s_count for %s", metric, requestModel)
                .isEqualTo(n);
        return scrape;
    }

    static double count(Scrape scrape, String metric, String... labels) {
        return scrape.sum(metric + "_count", labels);
    }

    static double sum(Scrape scrape, String metric, String... labels) {
        return scrape.sum(metric + "_sum", labels);
    }

    /** Token sum of one type (input/output) for a request model. */
    static double tokens(Scrape scrape, String requestModel, String type) {
        return scrape.sum(TOKENS + "_sum", "gen_ai_request_model", requestModel, "gen_ai_token_type", type);
    }

    static double tokenCount(Scrape scrape, String requestModel, String type) {
        return scrape.sum(TOKENS + "_count", "gen_ai_request_model", requestModel, "gen_ai_token_type", type);
    }

    /** Neither secrets nor prompt or completion text ever reach the exporter. */
    static void assertNoLeaks(Scrape scrape, String... secrets) {
        for (String secret : secrets) {
            assertThat(scrape.text()).as("scrape leaks %s", secret).doesNotContain(secret);
        }
    }

    /** The instrumentation itself never failed (advice, adapters, stream wrappers). */
    static void assertNoAgentErrors() {
        Scrape scrape = scrape();
        assertThat(scrape.find("autoprom_agent_errors_total"))
                .as("agent errors")
                .allSatisfy(s -> assertThat(s.value()).as(s.toString()).isZero());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
