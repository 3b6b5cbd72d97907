package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.GenAiMetrics.*;
import static dev.autoprom.it.genai.OpenAiWire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI Java SDK against a fake OpenAI: blocking, async, streaming, embeddings, responses, errors. */
class OpenAiIT {

    static final String API_KEY = "sk-test-OPENAI-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-say-hello";

    static FakeProvider fake;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        fake = OpenAiWire.install(new FakeProvider());
        client = OpenAIOkHttpClient.builder()
                .apiKey(API_KEY)
                .organization("org-SECRET-ORG")
                .baseUrl(fake.url() + "/v1")
                .maxRetries(0)
                .build();
    }

    /** After every test here used the SDK: each hook matched this version's classes. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(GenAiMetrics.PORT).assertAllHooksMatched("openai", "openai-java-core 4.49.0");
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        client.close();
        fake.close();
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage(PROMPT)
                .build();
    }

    @Test
    void blockingChatRecordsDurationAndExactTokens() {
        String model = "gpt-it-blocking";
        for (int i = 0; i < 3; i++) {
            ChatCompletion completion = client.chat().completions().create(chat(model));
            assertThat(completion.choices().get(0).message().content()).contains(COMPLETION);
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
        assertThat(tokenCount(scrape, model, "input")).isEqualTo(3);
        assertThat(tokenCount(scrape, model, "output")).isEqualTo(3);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isZero();
        assertNoLeaks(scrape, API_KEY, PROMPT, COMPLETION, "SECRET-ORG");
    }

    @Test
    void asyncChatRecordsWhenTheFutureCompletes() throws Exception {
        String model = "gpt-it-async";
        List<CompletableFuture<ChatCompletion>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(client.async().chat().completions().create(chat(model)));
        }
        for (CompletableFuture<ChatCompletion> f : futures) {
            assertThat(f.get(20, TimeUnit.SECONDS).choices().get(0).message().content())
                    .contains(COMPLETION);
        }
        Scrape scrape = awaitCount(DURATION, model, 2);
        assertThat(tokens(scrape, model, "input")).isEqualTo(2 * CHAT_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(2 * CHAT_OUT);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_response_model",
                        responseModel(model),
                        "gen_ai_provider_name",
                        "openai"))
                .isEqualTo(2);
    }

    @Test
    void streamingChatRecordsFirstChunkAndFinalUsage() {
        String model = "gpt-it-stream";
        String text;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(chat(model))) {
            text = stream.stream()
                    .flatMap(c -> c.choices().stream())
                    .map(c -> c.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
        assertThat(text).isEqualTo(COMPLETION);
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
        assertThat(sum(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isPositive();
        // three content chunks: one sample of the mean gap between them
        assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(sum(scrape, PER_CHUNK, "gen_ai_request_model", model)).isPositive();
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
        // the whole stream is in the duration: at least the time to its first chunk
        assertThat(sum(scrape, DURATION, "gen_ai_request_model", model))
                .isGreaterThanOrEqualTo(sum(scrape, FIRST_CHUNK, "gen_ai_request_model", model));
        assertNoLeaks(scrape, API_KEY, PROMPT, "COMPLETION-");
    }

    @Test
    void streamClosedEarlyEndsTheOperation() {
        String model = "gpt-it-stream-closed";
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(chat(model))) {
            assertThat(stream.stream().findFirst()).isPresent();
        }
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", ""))
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
    }

    @Test
    void asyncStreamingChatRecordsOnCompletion() throws Exception {
        String model = "gpt-it-async-stream";
        StringBuilder text = new StringBuilder();
        AsyncStreamResponse<ChatCompletionChunk> stream =
                client.async().chat().completions().createStreaming(chat(model));
        CompletableFuture<Void> done = stream.subscribe(new AsyncStreamResponse.Handler<ChatCompletionChunk>() {
                    @Override
                    public void onNext(ChatCompletionChunk chunk) {
                        chunk.choices()
                                .forEach(c -> text.append(c.delta().content().orElse("")));
                    }

                    @Override
                    public void onComplete(Optional<Throwable> error) {}
                })
                .onCompleteFuture();
        done.get(20, TimeUnit.SECONDS);
        assertThat(text.toString()).isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void embeddingsRecordInputTokens() {
        String model = "text-embedding-it";
        for (int i = 0; i < 4; i++) {
            CreateEmbeddingResponse response = client.embeddings()
                    .create(EmbeddingCreateParams.builder()
                            .model(model)
                            .input(PROMPT)
                            .build());
            assertThat(response.data().get(0).embedding()).containsExactly(0.25f, -0.5f, 0.125f);
        }
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "embeddings",
                        "gen_ai_response_model",
                        responseModel(model)))
                .isEqualTo(4);
        assertThat(tokens(scrape, model, "input")).isEqualTo(4 * EMBED_IN);
        assertThat(tokenCount(scrape, model, "output")).isZero();
    }

    @Test
    void responsesApiBlockingAndStreaming() {
        String model = "gpt-it-responses";
        Response response = client.responses()
                .create(ResponseCreateParams.builder()
                        .model(model)
                        .input(PROMPT)
                        .build());
        assertThat(response.id()).isEqualTo("resp_1");
        String streamModel = "gpt-it-responses-stream";
        int deltas;
        try (StreamResponse<ResponseStreamEvent> stream = client.responses()
                .createStreaming(ResponseCreateParams.builder()
                        .model(streamModel)
                        .input(PROMPT)
                        .build())) {
            deltas = (int) stream.stream()
                    .filter(ResponseStreamEvent::isOutputTextDelta)
                    .count();
        }
        assertThat(deltas).isEqualTo(3);
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_operation_name",
                        "chat",
                        "gen_ai_response_model",
                        responseModel(model)))
                .isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(RESP_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(RESP_OUT);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", streamModel)).isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", streamModel))
                .isEqualTo(1);
        assertThat(tokens(scrape, streamModel, "input")).isEqualTo(RESP_IN);
        assertThat(tokens(scrape, streamModel, "output")).isEqualTo(RESP_OUT);
    }

    @Test
    void rateLimitIsOneSampleWithItsErrorType() {
        String model = "gpt-it-ratelimit";
        assertThatThrownBy(() -> client.chat().completions().create(chat(model)))
                .isInstanceOf(RateLimitException.class);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "RateLimitException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokenCount(scrape, model, "input")).isZero();
    }

    @Test
    void serverErrorOnAsyncAndStreamingCalls() {
        String model = "gpt-it-async-error";
        assertThatThrownBy(() ->
                        client.async().chat().completions().create(chat(model)).get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InternalServerException.class);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", "InternalServerException"))
                .isEqualTo(1);
        String streamModel = "gpt-it-stream-ratelimit";
        assertThatThrownBy(() -> {
                    try (StreamResponse<ChatCompletionChunk> s =
                            client.chat().completions().createStreaming(chat(streamModel))) {
                        s.stream().count();
                    }
                })
                .isInstanceOf(RateLimitException.class);
        assertThat(count(scrape(), DURATION, "gen_ai_request_model", streamModel, "error_type", "RateLimitException"))
                .isEqualTo(1);
    }

    @Test
    void aRetriedCallRecordsOnce() {
        String model = "gpt-it-flaky";
        OpenAIClient retrying = OpenAIOkHttpClient.builder()
                .apiKey(API_KEY)
                .baseUrl(fake.url() + "/v1")
                .maxRetries(2)
                .build();
        try {
            ChatCompletion completion = retrying.chat().completions().create(chat(model));
            assertThat(completion.choices().get(0).message().content()).contains(COMPLETION);
        } finally {
            retrying.close();
        }
        assertThat(fake.hits(model)).as("the SDK retried once").isEqualTo(2);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", ""))
                .isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CHAT_IN);
    }

    @Test
    void azureCredentialMeansTheAzureProvider() {
        String model = "gpt-it-azure";
        OpenAIClient azure = OpenAIOkHttpClient.builder()
                .baseUrl(fake.url())
                .credential(AzureApiKeyCredential.create(API_KEY))
                .maxRetries(0)
                .build();
        try {
            azure.chat().completions().create(chat(model));
        } finally {
            azure.close();
        }
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "gen_ai_provider_name", "azure.ai.openai"))
                .isEqualTo(1);
        assertNoLeaks(scrape, API_KEY);
    }
}
