package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.OpenAiWire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.springai2.AiApp;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring AI 2.0's OpenAI ChatModel/StreamingChatModel/EmbeddingModel in a Spring Boot 4 app, against a fake OpenAI.
 * Spring AI 2.0 runs these models on the OpenAI Java SDK, so both the {@code springai} and the {@code openai}
 * instrumentations see every call: each must still be one operation (one duration sample, one token sample per
 * type), recorded by the outer Spring AI layer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SpringAi2IT {

    static final String DURATION = "gen_ai_client_operation_duration_seconds";
    static final String TOKENS = "gen_ai_client_token_usage";
    static final String FIRST_CHUNK = "gen_ai_client_operation_time_to_first_chunk_seconds";
    static final String API_KEY = "sk-test-SPRING2-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-through-spring-ai-2";

    FakeProvider fake;
    ConfigurableApplicationContext context;
    ChatModel chat;
    EmbeddingModel embeddings;
    int port;

    @BeforeAll
    void start() throws Exception {
        port = InJvmAgent.port();
        fake = OpenAiWire.install(new FakeProvider());
        context = new SpringApplicationBuilder(AiApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.ai.openai.base-url=" + fake.url() + "/v1",
                        "spring.ai.openai.api-key=" + API_KEY,
                        "spring.ai.openai.chat.model=gpt-boot4-default",
                        "spring.ai.openai.embedding.model=text-embedding-boot4",
                        // Spring AI 2.0 leaves retries to the SDK: one retry for the "-flaky" model
                        "spring.ai.openai.max-retries=1",
                        "spring.main.banner-mode=off")
                .run();
        chat = context.getBean(ChatModel.class);
        embeddings = context.getBean(EmbeddingModel.class);
    }

    /** After the tests: both instrumentations' hooks matched this version (so both saw the calls). */
    @AfterAll
    void stop() {
        try {
            HookCoverage.port(port)
                    .assertHooksMatchedClasses("springai", "SpringAiCallAdvice", "SpringAiStreamAdvice")
                    .assertAllHooksMatched("openai", "openai-java-core 4.49.0");
            assertThat(Scrape.port(port).find("autoprom_agent_errors_total"))
                    .allSatisfy(s -> assertThat(s.value()).isZero());
        } finally {
            if (context != null) {
                context.close();
            }
            fake.close();
        }
    }

    private static Prompt prompt(String model) {
        return new Prompt(PROMPT, OpenAiChatOptions.builder().model(model).build());
    }

    private static double count(Scrape scrape, String metric, String... labels) {
        return scrape.sum(metric + "_count", labels);
    }

    private static double tokens(Scrape scrape, String model, String type) {
        return scrape.sum(TOKENS + "_sum", "gen_ai_request_model", model, "gen_ai_token_type", type);
    }

    private static double tokenSamples(Scrape scrape, String model, String type) {
        return count(scrape, TOKENS, "gen_ai_request_model", model, "gen_ai_token_type", type);
    }

    /** A stream ends on the SDK's thread, just after the application saw its last chunk. */
    private Scrape awaitCount(String model, double n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = Scrape.port(port);
        while (count(scrape, DURATION, "gen_ai_request_model", model) < n && System.nanoTime() < deadline) {
            GenAiMetrics.sleep(25);
            scrape = Scrape.port(port);
        }
        return scrape;
    }

    @Test
    void chatModelCallIsOneOperation() {
        String model = "gpt-boot4-chat";
        for (int i = 0; i < 3; i++) {
            ChatResponse response = chat.call(prompt(model));
            assertThat(response.getResult().getOutput().getText()).isEqualTo(COMPLETION);
        }
        // the convenience overload, with the configured default model
        assertThat(chat.call(PROMPT)).isEqualTo(COMPLETION);
        Scrape scrape = Scrape.port(port);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(3);
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
        assertThat(tokenSamples(scrape, model, "input")).isEqualTo(3);
        assertThat(tokenSamples(scrape, model, "output")).isEqualTo(3);
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * CHAT_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(3 * CHAT_OUT);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", "gpt-boot4-default"))
                .isEqualTo(1);
        assertThat(tokens(scrape, "gpt-boot4-default", "input")).isEqualTo(CHAT_IN);
        assertThat(scrape.text()).doesNotContain(API_KEY).doesNotContain(PROMPT).doesNotContain(COMPLETION);
    }

    @Test
    void streamIsOneOperationWithFirstChunkAndFinalUsage() {
        String model = "gpt-boot4-stream";
        List<ChatResponse> chunks = chat.stream(prompt(model)).collectList().block(Duration.ofSeconds(20));
        String text = chunks.stream()
                .filter(r -> r.getResult() != null && r.getResult().getOutput().getText() != null)
                .map(r -> r.getResult().getOutput().getText())
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(model, 1);
        // nothing arrives late: a second recording layer would end with the SDK's stream
        GenAiMetrics.sleep(200);
        scrape = Scrape.port(port);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
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
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokenSamples(scrape, model, "input")).isEqualTo(1);
        assertThat(tokenSamples(scrape, model, "output")).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void embeddingCallIsOneOperation() {
        String model = "text-embedding-boot4-it";
        for (int i = 0; i < 2; i++) {
            float[] vector = embeddings
                    .call(new EmbeddingRequest(
                            List.of(PROMPT),
                            OpenAiEmbeddingOptions.builder().model(model).build()))
                    .getResult()
                    .getOutput();
            assertThat(vector).containsExactly(0.25f, -0.5f, 0.125f);
        }
        Scrape scrape = Scrape.port(port);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(2);
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
                        responseModel(model),
                        "error_type",
                        ""))
                .isEqualTo(2);
        assertThat(tokenSamples(scrape, model, "input")).isEqualTo(2);
        assertThat(tokens(scrape, model, "input")).isEqualTo(2 * EMBED_IN);
        assertThat(tokenSamples(scrape, model, "output")).isZero();
    }

    @Test
    void rateLimitIsOneSampleWithTheSdkErrorType() {
        String model = "gpt-boot4-ratelimit";
        // Spring AI 2.0 lets the SDK's exception through
        assertThatThrownBy(() -> chat.call(prompt(model))).isInstanceOf(com.openai.errors.RateLimitException.class);
        Scrape scrape = Scrape.port(port);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "RateLimitException"))
                .isEqualTo(1);
    }

    @Test
    void aCallTheSdkRetriedIsOneOperation() {
        String model = "gpt-boot4-flaky";
        assertThat(chat.call(prompt(model)).getResult().getOutput().getText()).isEqualTo(COMPLETION);
        assertThat(fake.hits(model)).as("the SDK retried the 500 once").isEqualTo(2);
        Scrape scrape = Scrape.port(port);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", ""))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CHAT_IN);
    }
}
