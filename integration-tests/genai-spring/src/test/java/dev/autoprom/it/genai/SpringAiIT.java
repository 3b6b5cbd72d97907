package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.OpenAiWire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.springai.AiApp;
import com.example.springai.SdkStreamingChatModel;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Spring AI 1.1's OpenAI ChatModel/StreamingChatModel/EmbeddingModel in a Spring Boot 3.5 app, against a fake OpenAI. */
class SpringAiIT {

    static final int PORT = InJvmAgent.port();
    static final String DURATION = "gen_ai_client_operation_duration_seconds";
    static final String FIRST_CHUNK = "gen_ai_client_operation_time_to_first_chunk_seconds";
    static final String API_KEY = "sk-test-SPRING-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-through-spring-ai";

    static FakeProvider fake;
    static ConfigurableApplicationContext context;
    static ChatModel chat;
    static EmbeddingModel embeddings;

    @BeforeAll
    static void start() throws Exception {
        fake = OpenAiWire.install(new FakeProvider());
        context = new SpringApplicationBuilder(AiApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.ai.openai.base-url=" + fake.url(),
                        "spring.ai.openai.api-key=" + API_KEY,
                        "spring.ai.openai.chat.options.model=gpt-spring-default",
                        "spring.ai.openai.chat.options.stream-usage=true",
                        "spring.ai.openai.embedding.options.model=text-embedding-spring",
                        "spring.ai.retry.max-attempts=2",
                        "spring.ai.retry.backoff.initial-interval=10ms",
                        "spring.main.banner-mode=off")
                .run();
        chat = context.getBean(ChatModel.class);
        embeddings = context.getBean(EmbeddingModel.class);
    }

    /** After the tests used Spring AI over the OpenAI SDK: both instrumentations' hooks matched. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(PORT).assertHooksMatchedClasses("springai", "SpringAiCallAdvice", "SpringAiStreamAdvice");
    }

    @AfterAll
    static void stop() {
        Scrape scrape = Scrape.port(PORT);
        assertThat(scrape.find("autoprom_agent_errors_total"))
                .allSatisfy(s -> assertThat(s.value()).isZero());
        context.close();
        fake.close();
    }

    private static Prompt prompt(String model) {
        return new Prompt(PROMPT, OpenAiChatOptions.builder().model(model).build());
    }

    private static double count(Scrape scrape, String metric, String... labels) {
        return scrape.sum(metric + "_count", labels);
    }

    private static double tokens(Scrape scrape, String model, String type) {
        return scrape.sum("gen_ai_client_token_usage_sum", "gen_ai_request_model", model, "gen_ai_token_type", type);
    }

    private static Scrape awaitCount(String model, double n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = Scrape.port(PORT);
        while (count(scrape, DURATION, "gen_ai_request_model", model) < n && System.nanoTime() < deadline) {
            GenAiMetrics.sleep(25);
            scrape = Scrape.port(PORT);
        }
        return scrape;
    }

    @Test
    void chatModelCallRecordsProviderModelsAndTokens() {
        String model = "gpt-spring-chat";
        for (int i = 0; i < 3; i++) {
            ChatResponse response = chat.call(prompt(model));
            assertThat(response.getResult().getOutput().getText()).isEqualTo(COMPLETION);
        }
        // the convenience overload with the configured default model
        assertThat(chat.call(PROMPT)).isEqualTo(COMPLETION);
        Scrape scrape = Scrape.port(PORT);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "chat",
                        "gen_ai_provider_name",
                        "openai",
                        "gen_ai_response_model",
                        responseModel(model),
                        "error_type",
                        ""))
                .isEqualTo(3);
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * CHAT_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(3 * CHAT_OUT);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", "gpt-spring-default"))
                .isEqualTo(1);
        assertThat(scrape.text()).doesNotContain(API_KEY).doesNotContain(PROMPT).doesNotContain(COMPLETION);
    }

    @Test
    void streamRecordsFirstChunkAndFinalUsage() {
        String model = "gpt-spring-stream";
        List<ChatResponse> chunks = chat.stream(prompt(model)).collectList().block(Duration.ofSeconds(20));
        String text = chunks.stream()
                .filter(r -> r.getResult() != null && r.getResult().getOutput().getText() != null)
                .map(r -> r.getResult().getOutput().getText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(model, 1);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_provider_name",
                        "openai",
                        "error_type",
                        ""))
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void embeddingModelRecordsInputTokens() {
        String model = "text-embedding-spring-it";
        for (int i = 0; i < 2; i++) {
            float[] vector = embeddings
                    .call(new EmbeddingRequest(
                            List.of(PROMPT),
                            OpenAiEmbeddingOptions.builder().model(model).build()))
                    .getResult()
                    .getOutput();
            assertThat(vector).containsExactly(0.25f, -0.5f, 0.125f);
        }
        Scrape scrape = Scrape.port(PORT);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "embeddings",
                        "gen_ai_provider_name",
                        "openai",
                        "gen_ai_response_model",
                        responseModel(model)))
                .isEqualTo(2);
        assertThat(tokens(scrape, model, "input")).isEqualTo(2 * EMBED_IN);
        // an embedding has no output tokens: no output sample (Spring AI's usage says 0)
        assertThat(count(
                        scrape,
                        "gen_ai_client_token_usage",
                        "gen_ai_request_model",
                        model,
                        "gen_ai_token_type",
                        "output"))
                .isZero();
    }

    @Test
    void rateLimitIsOneSampleWithItsErrorType() {
        String model = "gpt-spring-ratelimit";
        // Spring AI's one exception class for every 4xx: the error type is the HTTP status
        assertThatThrownBy(() -> chat.call(prompt(model))).isInstanceOf(NonTransientAiException.class);
        Scrape scrape = Scrape.port(PORT);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "429"))
                .isEqualTo(1);
    }

    @Test
    void aReactiveModelOverTheInstrumentedSdkRecordsOnce() {
        String model = "gpt-spring-over-sdk";
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(API_KEY)
                .baseUrl(fake.url() + "/v1")
                .maxRetries(0)
                .build();
        try {
            // the SDK is called on subscription, after stream() returned
            String text = new SdkStreamingChatModel(client)
                    .stream(prompt(model))
                            .map(r -> r.getResult().getOutput().getText())
                            .collect(Collectors.joining())
                            .block(Duration.ofSeconds(20));
            assertThat(text).isEqualTo(COMPLETION);
        } finally {
            client.close();
        }
        Scrape scrape = awaitCount(model, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        // recorded by the Spring AI layer (an application model reports its package), not by the SDK
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_provider_name",
                        "com.example.springai"))
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
    }

    @Test
    void aRetriedCallRecordsOnce() {
        String model = "gpt-spring-flaky";
        assertThat(chat.call(prompt(model)).getResult().getOutput().getText()).isEqualTo(COMPLETION);
        assertThat(fake.hits(model)).as("Spring AI retried the 500 once").isEqualTo(2);
        Scrape scrape = Scrape.port(PORT);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CHAT_IN);
    }
}
