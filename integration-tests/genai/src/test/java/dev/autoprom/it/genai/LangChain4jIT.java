package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.GenAiMetrics.*;
import static dev.autoprom.it.genai.OpenAiWire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.lc4j.SdkBackedChatModel;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LangChain4j's OpenAI and Anthropic models (its own HTTP clients) against fake providers, and an application
 * model over the (instrumented) OpenAI SDK.
 */
class LangChain4jIT {

    static final String API_KEY = "sk-test-LC4J-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-through-langchain4j";

    static FakeProvider fake;

    @BeforeAll
    static void start() throws Exception {
        fake = OpenAiWire.install(new FakeProvider());
    }

    /** After every test here used the SDK: each hook matched this version's classes. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(GenAiMetrics.PORT)
                .assertHooksMatchedClasses("langchain4j", "chat", "embedding", "streaming chat");
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        fake.close();
    }

    private static ChatModel chatModel(String model, int maxRetries) {
        return OpenAiChatModel.builder()
                .baseUrl(fake.url() + "/v1")
                .apiKey(API_KEY)
                .modelName(model)
                .maxRetries(maxRetries)
                .build();
    }

    @Test
    void chatRecordsTheProviderUnderneathAndExactTokens() {
        String model = "gpt-lc4j-chat";
        ChatModel chat = chatModel(model, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(chat.chat(PROMPT)).isEqualTo(COMPLETION);
        }
        Scrape scrape = scrape();
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
        assertNoLeaks(scrape, API_KEY, PROMPT, COMPLETION);
    }

    @Test
    void streamingChatRecordsFirstChunkAndUsage() throws Exception {
        String model = "gpt-lc4j-stream";
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(fake.url() + "/v1")
                .apiKey(API_KEY)
                .modelName(model)
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        streaming.chat(PROMPT, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                text.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(20, TimeUnit.SECONDS);
        assertThat(text.toString()).isEqualTo(COMPLETION);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo((int) STREAM_OUT);
        Scrape scrape = awaitCount(DURATION, model, 1);
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
        assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void streamingErrorEndsTheOperationWithItsType() throws Exception {
        String model = "gpt-lc4j-stream-ratelimit";
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(fake.url() + "/v1")
                .apiKey(API_KEY)
                .modelName(model)
                .build();
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        streaming.chat(PROMPT, new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                failed.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                failed.complete(error);
            }
        });
        Throwable error = failed.get(20, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "error_type",
                        error.getClass().getSimpleName()))
                .isEqualTo(1);
    }

    @Test
    void embeddingsRecordInputTokens() {
        String model = "text-embedding-lc4j";
        EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(fake.url() + "/v1")
                .apiKey(API_KEY)
                .modelName(model)
                .maxRetries(0)
                .build();
        for (int i = 0; i < 2; i++) {
            assertThat(embeddings.embed(PROMPT).content().vector()).containsExactly(0.25f, -0.5f, 0.125f);
        }
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "embeddings",
                        "gen_ai_provider_name",
                        "openai"))
                .isEqualTo(2);
        assertThat(tokens(scrape, model, "input")).isEqualTo(2 * EMBED_IN);
    }

    @Test
    void rateLimitIsOneSampleWithItsErrorType() {
        String model = "gpt-lc4j-ratelimit";
        assertThatThrownBy(() -> chatModel(model, 0).chat(PROMPT)).isInstanceOf(RateLimitException.class);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "RateLimitException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
    }

    @Test
    void aRetriedCallRecordsOnce() {
        String model = "gpt-lc4j-flaky";
        assertThat(chatModel(model, 2).chat(PROMPT)).isEqualTo(COMPLETION);
        assertThat(fake.hits(model)).as("LangChain4j retried the 500 once").isEqualTo(2);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CHAT_IN);
    }

    @Test
    void anthropicModelsReportTheAnthropicProvider() throws Exception {
        FakeProvider anthropic = AnthropicWire.install(new FakeProvider());
        try {
            String model = "claude-lc4j-chat";
            ChatModel chat = AnthropicChatModel.builder()
                    .baseUrl(anthropic.url() + "/v1/")
                    .apiKey(API_KEY)
                    .modelName(model)
                    .maxRetries(0)
                    .build();
            assertThat(chat.chat(PROMPT)).isEqualTo(AnthropicWire.COMPLETION);
            String streamModel = "claude-lc4j-stream";
            StreamingChatModel streaming = AnthropicStreamingChatModel.builder()
                    .baseUrl(anthropic.url() + "/v1/")
                    .apiKey(API_KEY)
                    .modelName(streamModel)
                    .build();
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            streaming.chat(PROMPT, new StreamingChatResponseHandler() {
                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            assertThat(done.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo(AnthropicWire.COMPLETION);
            Scrape scrape = awaitCount(DURATION, streamModel, 1);
            assertThat(count(
                            scrape,
                            DURATION,
                            "gen_ai_request_model",
                            model,
                            "gen_ai_provider_name",
                            "anthropic",
                            "gen_ai_response_model",
                            AnthropicWire.responseModel(model)))
                    .isEqualTo(1);
            assertThat(tokens(scrape, model, "input")).isEqualTo(AnthropicWire.IN);
            assertThat(tokens(scrape, model, "output")).isEqualTo(AnthropicWire.OUT);
            assertThat(count(
                            scrape, DURATION, "gen_ai_request_model", streamModel, "gen_ai_provider_name", "anthropic"))
                    .isEqualTo(1);
            assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", streamModel))
                    .isEqualTo(1);
            assertThat(tokens(scrape, streamModel, "input")).isEqualTo(AnthropicWire.STREAM_IN);
            assertThat(tokens(scrape, streamModel, "output")).isEqualTo(AnthropicWire.STREAM_OUT);
            assertNoLeaks(scrape, API_KEY, PROMPT, AnthropicWire.COMPLETION);
        } finally {
            anthropic.close();
        }
    }

    @Test
    void aModelOverTheInstrumentedOpenAiSdkRecordsOnce() {
        String model = "gpt-lc4j-over-sdk";
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(API_KEY)
                .baseUrl(fake.url() + "/v1")
                .maxRetries(0)
                .build();
        try {
            ChatModel chat = new SdkBackedChatModel(client, model);
            for (int i = 0; i < 2; i++) {
                assertThat(chat.chat(PROMPT)).isEqualTo(COMPLETION);
            }
        } finally {
            client.close();
        }
        // two operations, recorded by the outer (LangChain4j) layer: the SDK call inside each is not recorded again
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(2);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_provider_name",
                        "openai",
                        "gen_ai_response_model",
                        responseModel(model) + SdkBackedChatModel.VIA_APP))
                .isEqualTo(2);
        assertThat(tokens(scrape, model, "input")).isEqualTo(2 * CHAT_IN);
        assertThat(tokenCount(scrape, model, "input")).isEqualTo(2);
    }
}
