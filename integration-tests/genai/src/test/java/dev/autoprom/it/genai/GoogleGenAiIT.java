package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.GeminiWire.*;
import static dev.autoprom.it.genai.GenAiMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.types.EmbedContentResponse;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google's Gen AI SDK against a fake Gemini API. */
class GoogleGenAiIT {

    static final String API_KEY = "AIza-test-GEMINI-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-for-gemini";

    static FakeProvider fake;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        fake = GeminiWire.install(new FakeProvider());
        client = Client.builder()
                .apiKey(API_KEY)
                .httpOptions(HttpOptions.builder()
                        .baseUrl(fake.url())
                        .retryOptions(HttpRetryOptions.builder().attempts(1).build())
                        .build())
                .build();
    }

    /** After every test here used the SDK: each hook matched this version's classes. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(GenAiMetrics.PORT).assertAllHooksMatched("googlegenai", "google-genai 2.0.0");
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        client.close();
        fake.close();
    }

    @Test
    void generateContentRecordsExactTokens() {
        String model = "gemini-it-blocking";
        for (int i = 0; i < 3; i++) {
            assertThat(client.models.generateContent(model, PROMPT, null).text())
                    .isEqualTo(COMPLETION);
        }
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "generate_content",
                        "gen_ai_provider_name",
                        "gcp.gemini",
                        "gen_ai_response_model",
                        responseModel(model),
                        "error_type",
                        ""))
                .isEqualTo(3);
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(3 * OUT);
        assertNoLeaks(scrape, API_KEY, PROMPT, COMPLETION);
    }

    @Test
    void asyncGenerateContentRecordsWhenTheFutureCompletes() throws Exception {
        String model = "gemini-it-async";
        assertThat(client.async
                        .models
                        .generateContent(model, PROMPT, null)
                        .get(20, TimeUnit.SECONDS)
                        .text())
                .isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(OUT);
    }

    @Test
    void streamRecordsFirstChunkAndTheLastUsage() {
        String model = "gemini-it-stream";
        StringBuilder text = new StringBuilder();
        try (ResponseStream<GenerateContentResponse> stream =
                client.models.generateContentStream(model, PROMPT, null)) {
            for (GenerateContentResponse chunk : stream) {
                text.append(chunk.text());
            }
        }
        assertThat(text.toString()).isEqualTo(COMPLETION);
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_response_model",
                        responseModel(model),
                        "error_type",
                        ""))
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
        assertNoLeaks(scrape, API_KEY, PROMPT, "GEMINI-");
    }

    @Test
    void asyncStreamIsFollowedToo() throws Exception {
        String model = "gemini-it-async-stream";
        int chunks = 0;
        try (ResponseStream<GenerateContentResponse> stream =
                client.async.models.generateContentStream(model, PROMPT, null).get(20, TimeUnit.SECONDS)) {
            for (GenerateContentResponse ignored : stream) {
                chunks++;
            }
        }
        assertThat(chunks).isEqualTo(3);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void embedContentIsAnEmbeddingsOperation() {
        String model = "gemini-embedding-it";
        EmbedContentResponse response = client.models.embedContent(model, PROMPT, null);
        assertThat(response.embeddings().orElseThrow().get(0).values().orElseThrow())
                .containsExactly(0.25f, -0.5f, 0.125f);
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "embeddings",
                        "gen_ai_provider_name",
                        "gcp.gemini"))
                .isEqualTo(1);
    }

    @Test
    void rateLimitIsOneSampleWithTheHttpStatus() {
        String model = "gemini-it-ratelimit";
        assertThatThrownBy(() -> client.models.generateContent(model, PROMPT, null))
                .isInstanceOf(ClientException.class);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "429"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
    }
}
