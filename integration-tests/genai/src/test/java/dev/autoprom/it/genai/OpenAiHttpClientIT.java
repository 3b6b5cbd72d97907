package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.GenAiMetrics.DURATION;
import static dev.autoprom.it.genai.GenAiMetrics.assertNoAgentErrors;
import static dev.autoprom.it.genai.GenAiMetrics.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI SDK runs on OkHttp (4.12): besides its one {@code gen_ai_*} record per call, each HTTP attempt it makes
 * is an {@code http_client_*} record of the httpclient family, retries included. Each test has its own fake (its
 * own port), so its client series are its own.
 */
class OpenAiHttpClientIT {

    private static final String CLIENT_COUNT = "http_client_request_duration_seconds_count";

    @Test
    void oneCallIsOneGenAiRecordAndOneHttpClientRecord() throws Exception {
        try (FakeProvider fake = freshFake()) {
            OpenAIClient client = client(fake, 0);
            client.chat().completions().create(chat("gpt-hc-plain"));
            int port = URI.create(fake.url()).getPort();
            Scrape scrape = awaitClientRecords(port, 1);
            assertThat(count(scrape, DURATION, "gen_ai_request_model", "gpt-hc-plain", "error_type", ""))
                    .isEqualTo(1);
            assertThat(scrape.value(
                            CLIENT_COUNT,
                            "server_port",
                            String.valueOf(port),
                            "http_request_method",
                            "POST",
                            "http_response_status_code",
                            "200",
                            "server_address",
                            "127.0.0.1",
                            "url_scheme",
                            "http",
                            "url_template",
                            "",
                            "error_type",
                            ""))
                    .isEqualTo(1);
            client.close();
        }
        assertNoAgentErrors();
    }

    @Test
    void aRetriedCallIsOneGenAiRecordAndOneHttpClientRecordPerAttempt() throws Exception {
        try (FakeProvider fake = freshFake()) {
            OpenAIClient client = client(fake, 2);
            client.chat().completions().create(chat("gpt-hc-flaky")); // 500 first, 200 on the retry
            assertThat(fake.hits("gpt-hc-flaky")).isEqualTo(2);
            int port = URI.create(fake.url()).getPort();
            Scrape scrape = awaitClientRecords(port, 2);
            assertThat(count(scrape, DURATION, "gen_ai_request_model", "gpt-hc-flaky"))
                    .isEqualTo(1);
            assertThat(count(scrape, DURATION, "gen_ai_request_model", "gpt-hc-flaky", "error_type", ""))
                    .isEqualTo(1);
            assertThat(scrape.value(
                            CLIENT_COUNT,
                            "server_port",
                            String.valueOf(port),
                            "http_response_status_code",
                            "500",
                            "error_type",
                            "500"))
                    .isEqualTo(1);
            assertThat(scrape.value(
                            CLIENT_COUNT,
                            "server_port",
                            String.valueOf(port),
                            "http_response_status_code",
                            "200",
                            "error_type",
                            ""))
                    .isEqualTo(1);
            client.close();
        }
        assertNoAgentErrors();
    }

    /** A fake on a port no earlier test's client records name (a freed port can be handed out again). */
    private static FakeProvider freshFake() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            FakeProvider fake = OpenAiWire.install(new FakeProvider());
            String port = String.valueOf(URI.create(fake.url()).getPort());
            if (GenAiMetrics.scrape().find(CLIENT_COUNT, "server_port", port).isEmpty()) {
                return fake;
            }
            fake.close();
        }
        throw new IllegalStateException("no fresh port in 20 attempts");
    }

    private static OpenAIClient client(FakeProvider fake, int retries) {
        return OpenAIOkHttpClient.builder()
                .apiKey("sk-test-not-a-key")
                .baseUrl(fake.url() + "/v1")
                .maxRetries(retries)
                .build();
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("hello")
                .build();
    }

    /** Waits until {@code n} client requests to the port are recorded and none is in flight; exactly n. */
    private static Scrape awaitClientRecords(int port, double n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = GenAiMetrics.scrape();
        while ((scrape.sum(CLIENT_COUNT, "server_port", String.valueOf(port)) < n
                        || scrape.sum("http_client_active_requests", "server_port", String.valueOf(port)) != 0)
                && System.nanoTime() < deadline) {
            sleep();
            scrape = GenAiMetrics.scrape();
        }
        assertThat(scrape.sum(CLIENT_COUNT, "server_port", String.valueOf(port)))
                .as("client records")
                .isEqualTo(n);
        assertThat(scrape.sum("http_client_active_requests", "server_port", String.valueOf(port)))
                .isZero();
        return scrape;
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
