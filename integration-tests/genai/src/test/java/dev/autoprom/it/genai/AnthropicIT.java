package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.AnthropicWire.*;
import static dev.autoprom.it.genai.GenAiMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Anthropic Java SDK against a fake Anthropic Messages API. */
class AnthropicIT {

    static final String API_KEY = "sk-ant-test-ANTHROPIC-KEY-do-not-leak";
    static final String PROMPT = "PROMPT-SECRET-for-claude";

    static FakeProvider fake;
    static AnthropicClient client;

    @BeforeAll
    static void start() throws Exception {
        fake = AnthropicWire.install(new FakeProvider());
        client = AnthropicOkHttpClient.builder()
                .apiKey(API_KEY)
                .baseUrl(fake.url())
                .maxRetries(0)
                .build();
    }

    /** After every test here used the SDK: each hook matched this version's classes. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(GenAiMetrics.PORT).assertAllHooksMatched("anthropic", "anthropic-java-core 3.14.0");
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        client.close();
        fake.close();
    }

    private static MessageCreateParams params(String model) {
        return MessageCreateParams.builder()
                .model(model)
                .maxTokens(256)
                .addUserMessage(PROMPT)
                .build();
    }

    private static String text(Message message) {
        return message.content().get(0).text().orElseThrow().text();
    }

    @Test
    void blockingMessagesRecordExactTokens() {
        String model = "claude-it-blocking";
        for (int i = 0; i < 3; i++) {
            assertThat(text(client.messages().create(params(model)))).isEqualTo(COMPLETION);
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
                        "anthropic",
                        "gen_ai_response_model",
                        responseModel(model),
                        "error_type",
                        ""))
                .isEqualTo(3);
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(3 * OUT);
        assertThat(tokenCount(scrape, model, "output")).isEqualTo(3);
        assertNoLeaks(scrape, API_KEY, PROMPT, COMPLETION);
    }

    @Test
    void asyncMessagesRecordWhenTheFutureCompletes() throws Exception {
        String model = "claude-it-async";
        assertThat(text(client.async().messages().create(params(model)).get(20, TimeUnit.SECONDS)))
                .isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(OUT);
    }

    @Test
    void streamingRecordsFirstChunkAndUsageFromStartAndDelta() {
        String model = "claude-it-stream";
        String text;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(model))) {
            text = stream.stream()
                    .filter(RawMessageStreamEvent::isContentBlockDelta)
                    .map(e -> e.asContentBlockDelta().delta().asText().text())
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
        assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
        assertNoLeaks(scrape, API_KEY, PROMPT, "CLAUDE-");
    }

    @Test
    void streamIteratedAsIterableIsTrackedToo() {
        String model = "claude-it-iterable";
        int deltas = 0;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(model))) {
            for (RawMessageStreamEvent event : stream) {
                deltas += event.isContentBlockDelta() ? 1 : 0;
            }
        }
        assertThat(deltas).isEqualTo(3);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void asyncStreamingRecordsOnCompletion() throws Exception {
        String model = "claude-it-async-stream";
        StringBuilder text = new StringBuilder();
        AsyncStreamResponse<RawMessageStreamEvent> stream =
                client.async().messages().createStreaming(params(model));
        stream.subscribe(new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {
                    @Override
                    public void onNext(RawMessageStreamEvent event) {
                        if (event.isContentBlockDelta()) {
                            text.append(
                                    event.asContentBlockDelta().delta().asText().text());
                        }
                    }

                    @Override
                    public void onComplete(Optional<Throwable> error) {}
                })
                .onCompleteFuture()
                .get(20, TimeUnit.SECONDS);
        assertThat(text.toString()).isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void rateLimitAndServerErrorsCarryTheirErrorType() throws Exception {
        String limited = "claude-it-ratelimit";
        assertThatThrownBy(() -> client.messages().create(params(limited))).isInstanceOf(RateLimitException.class);
        String failing = "claude-it-error";
        assertThatThrownBy(
                        () -> client.async().messages().create(params(failing)).get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InternalServerException.class);
        Scrape scrape = awaitCount(DURATION, failing, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", limited, "error_type", "RateLimitException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", limited)).isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", failing, "error_type", "InternalServerException"))
                .isEqualTo(1);
    }

    @Test
    void betaMessagesAreRecordedToo() {
        String model = "claude-it-beta";
        com.anthropic.models.beta.messages.MessageCreateParams params =
                com.anthropic.models.beta.messages.MessageCreateParams.builder()
                        .model(model)
                        .maxTokens(256)
                        .addUserMessage(PROMPT)
                        .build();
        BetaMessage message = client.beta().messages().create(params);
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo(COMPLETION);
        String streamModel = "claude-it-beta-stream";
        long deltas;
        try (StreamResponse<BetaRawMessageStreamEvent> stream = client.beta()
                .messages()
                .createStreaming(params.toBuilder().model(streamModel).build())) {
            deltas = stream.stream()
                    .filter(BetaRawMessageStreamEvent::isContentBlockDelta)
                    .count();
        }
        assertThat(deltas).isEqualTo(3);
        Scrape scrape = scrape();
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_provider_name",
                        "anthropic",
                        "gen_ai_response_model",
                        responseModel(model)))
                .isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(OUT);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", streamModel))
                .isEqualTo(1);
        assertThat(tokens(scrape, streamModel, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, streamModel, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void aRetriedCallRecordsOnce() {
        String model = "claude-it-flaky";
        AnthropicClient retrying = AnthropicOkHttpClient.builder()
                .apiKey(API_KEY)
                .baseUrl(fake.url())
                .maxRetries(2)
                .build();
        try {
            assertThat(text(retrying.messages().create(params(model)))).isEqualTo(COMPLETION);
        } finally {
            retrying.close();
        }
        assertThat(fake.hits(model)).as("the SDK retried the 529 once").isEqualTo(2);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(IN);
    }
}
