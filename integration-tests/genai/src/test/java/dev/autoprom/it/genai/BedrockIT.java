package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.BedrockWire.*;
import static dev.autoprom.it.genai.GenAiMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * The AWS SDK v2 Bedrock Runtime clients (blocking over Apache HttpClient, async over Netty: their defaults)
 * against a fake Bedrock endpoint ({@code endpointOverride}) speaking Bedrock's JSON and binary event-stream
 * formats, with static fake credentials.
 */
class BedrockIT {

    static final String ACCESS_KEY = "AKIAFAKEBEDROCKKEY01";
    static final String SECRET_KEY = "fakeSecret/BEDROCK/do-not-leak/0123456789";
    static final String PROMPT = "PROMPT-SECRET-for-bedrock";
    static final int TIMEOUT = 20;

    static FakeProvider fake;
    static BedrockRuntimeClient client;
    static BedrockRuntimeAsyncClient async;

    @BeforeAll
    static void start() throws Exception {
        fake = BedrockWire.install(new FakeProvider());
        client = BedrockRuntimeClient.builder()
                .endpointOverride(URI.create(fake.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        // HTTP/1.1: the SDK would speak HTTP/2 to Bedrock, which the fake (a JDK HttpServer) does not; the hooks
        // sit above the HTTP client, which hands the same bytes to the same event-stream decoder either way
        async = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(URI.create(fake.url()))
                .region(Region.US_EAST_1)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        assertNoLeaks(scrape(), ACCESS_KEY, SECRET_KEY, PROMPT, COMPLETION, "BEDROCK-", "toolu_1");
        client.close();
        async.close();
        fake.close();
    }

    private static Message userMessage() {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText(PROMPT))
                .build();
    }

    private static ConverseRequest converse(String model) {
        return ConverseRequest.builder().modelId(model).messages(userMessage()).build();
    }

    private static ConverseStreamRequest converseStream(String model) {
        return ConverseStreamRequest.builder()
                .modelId(model)
                .messages(userMessage())
                .build();
    }

    private static InvokeModelRequest invoke(String model) {
        return InvokeModelRequest.builder()
                .modelId(model)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String("{\"prompt\":\"" + PROMPT + "\"}"))
                .build();
    }

    private static InvokeModelWithResponseStreamRequest invokeStream(String model) {
        return InvokeModelWithResponseStreamRequest.builder()
                .modelId(model)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String("{\"prompt\":\"" + PROMPT + "\"}"))
                .build();
    }

    private static String text(InvokeModelResponse response) {
        return response.body().asUtf8String();
    }

    // ---- Converse ----

    @Test
    void blockingConverseRecordsUsage() {
        String model = "anthropic.claude-it-converse-v1:0";
        for (int i = 0; i < 3; i++) {
            assertThat(client.converse(converse(model))
                            .output()
                            .message()
                            .content()
                            .get(0)
                            .text())
                    .isEqualTo(COMPLETION);
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
                        "aws.bedrock",
                        "gen_ai_response_model",
                        "",
                        "error_type",
                        ""))
                .isEqualTo(3);
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * CONVERSE_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(3 * CONVERSE_OUT);
        assertThat(tokenCount(scrape, model, "input")).isEqualTo(3);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isZero();
    }

    @Test
    void converseThroughTheConsumerOverloadRecordsOnce() {
        String model = "amazon.nova-it-converse-builder-v1:0";
        client.converse(b -> b.modelId(model).messages(userMessage()));
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CONVERSE_IN);
    }

    @Test
    void asyncConverseRecordsWhenTheFutureCompletes() throws Exception {
        String model = "anthropic.claude-it-converse-async-v1:0";
        assertThat(async.converse(converse(model))
                        .get(TIMEOUT, TimeUnit.SECONDS)
                        .output()
                        .message()
                        .content()
                        .get(0)
                        .text())
                .isEqualTo(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CONVERSE_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(CONVERSE_OUT);
    }

    @Test
    void converseStreamRecordsChunksAndTheMetadataUsage() throws Exception {
        String model = "anthropic.claude-it-converse-stream-v1:0";
        StringBuilder text = new StringBuilder();
        List<String> events = new CopyOnWriteArrayList<>();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(event -> {
                    events.add(event.sdkEventType().toString());
                    event.accept(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(
                                    delta -> text.append(delta.delta().text()))
                            .build());
                })
                .build();
        async.converseStream(converseStream(model), handler).get(TIMEOUT, TimeUnit.SECONDS);
        // the application's handler got every event, in order
        assertThat(text.toString()).isEqualTo(COMPLETION);
        assertThat(events)
                .containsExactly(
                        "messageStart",
                        "contentBlockStart",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockDelta",
                        "contentBlockStop",
                        "messageStop",
                        "metadata");
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        model,
                        "gen_ai_provider_name",
                        "aws.bedrock",
                        "gen_ai_operation_name",
                        "chat",
                        "error_type",
                        ""))
                .isEqualTo(1);
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(sum(scrape, FIRST_CHUNK, "gen_ai_request_model", model))
                .isLessThanOrEqualTo(sum(scrape, DURATION, "gen_ai_request_model", model));
        assertThat(tokens(scrape, model, "input")).isEqualTo(STREAM_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(STREAM_OUT);
    }

    @Test
    void aStreamTheApplicationCancelsEndsThereAsASuccess() throws Exception {
        String model = "anthropic.claude-it-converse-cancel-v1:0";
        AtomicInteger seen = new AtomicInteger();
        ConverseStreamResponseHandler handler = new ConverseStreamResponseHandler() {
            @Override
            public void responseReceived(ConverseStreamResponse response) {}

            @Override
            public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
                publisher.subscribe(new Subscriber<ConverseStreamOutput>() {
                    private Subscription subscription;

                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription = s;
                        s.request(1);
                    }

                    @Override
                    public void onNext(ConverseStreamOutput event) {
                        seen.incrementAndGet();
                        subscription.cancel();
                    }

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onComplete() {}
                });
            }

            @Override
            public void exceptionOccurred(Throwable throwable) {}

            @Override
            public void complete() {}
        };
        async.converseStream(converseStream(model), handler).get(TIMEOUT, TimeUnit.SECONDS);
        assertThat(seen.get()).isEqualTo(1);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", ""))
                .isEqualTo(1);
        // cancelled after messageStart: no output chunk and no usage arrived
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model)).isZero();
        assertThat(tokenCount(scrape, model, "input")).isZero();
    }

    // ---- InvokeModel: each family's body ----

    @Test
    void blockingInvokeModelReadsEachFamilysBody() {
        String claude = "anthropic.claude-it-invoke-v1:0";
        String titan = "amazon.titan-it-invoke-text-v1";
        String nova = "amazon.nova-it-invoke-v1:0";
        String llama = "meta.llama-it-invoke-v1:0";
        String mistral = "mistral.it-invoke-v1:0";
        for (String model : List.of(claude, titan, nova, llama, mistral)) {
            assertThat(text(client.invokeModel(invoke(model)))).contains(COMPLETION);
        }
        Scrape scrape = scrape();
        for (String model : List.of(claude, titan, nova, llama, mistral)) {
            assertThat(count(
                            scrape,
                            DURATION,
                            "gen_ai_request_model",
                            model,
                            "gen_ai_operation_name",
                            "chat",
                            "gen_ai_provider_name",
                            "aws.bedrock",
                            "error_type",
                            ""))
                    .as(model)
                    .isEqualTo(1);
        }
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        claude,
                        "gen_ai_response_model",
                        claudeResponseModel(claude)))
                .isEqualTo(1);
        // a tool input with its own "usage" in the same body is not read: 31, not 999
        assertThat(tokens(scrape, claude, "input")).isEqualTo(CLAUDE_IN);
        assertThat(tokens(scrape, claude, "output")).isEqualTo(CLAUDE_OUT);
        assertThat(tokens(scrape, titan, "input")).isEqualTo(TITAN_IN);
        assertThat(tokens(scrape, titan, "output")).isEqualTo(TITAN_RESULT_1 + TITAN_RESULT_2);
        assertThat(tokens(scrape, nova, "input")).isEqualTo(NOVA_IN);
        assertThat(tokens(scrape, nova, "output")).isEqualTo(NOVA_OUT);
        assertThat(tokens(scrape, llama, "input")).isEqualTo(LLAMA_IN);
        assertThat(tokens(scrape, llama, "output")).isEqualTo(LLAMA_OUT);
        // no usage in Mistral's body: Bedrock's X-Amzn-Bedrock-*-Token-Count headers
        assertThat(tokens(scrape, mistral, "input")).isEqualTo(HEADER_IN);
        assertThat(tokens(scrape, mistral, "output")).isEqualTo(HEADER_OUT);
    }

    @Test
    void anEmbeddingModelIsAnEmbeddingsOperationWithInputTokensOnly() {
        String model = "amazon.titan-embed-it-text-v2:0";
        assertThat(text(client.invokeModel(invoke(model)))).contains("embedding");
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "gen_ai_operation_name", "embeddings"))
                .isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(TITAN_EMBED_IN);
        assertThat(tokenCount(scrape, model, "output")).isZero();
    }

    @Test
    void asyncInvokeModelRecordsWhenTheFutureCompletes() throws Exception {
        String model = "meta.llama-it-invoke-async-v1:0";
        assertThat(text(async.invokeModel(invoke(model)).get(TIMEOUT, TimeUnit.SECONDS)))
                .contains(COMPLETION);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(LLAMA_IN);
        assertThat(tokens(scrape, model, "output")).isEqualTo(LLAMA_OUT);
    }

    // ---- InvokeModelWithResponseStream ----

    @Test
    void invokeModelWithResponseStreamReadsEachFamilysChunks() throws Exception {
        String claude = "anthropic.claude-it-invoke-stream-v1:0";
        String titan = "amazon.titan-it-invoke-stream-v1";
        String llama = "meta.llama-it-invoke-stream-v1:0";
        String mistral = "mistral.it-invoke-stream-v1:0";
        for (String model : List.of(claude, titan, llama, mistral)) {
            StringBuilder text = new StringBuilder();
            InvokeModelWithResponseStreamResponseHandler handler =
                    InvokeModelWithResponseStreamResponseHandler.builder()
                            .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                                    .onChunk(chunk ->
                                            text.append(chunkText(chunk.bytes().asUtf8String())))
                                    .build())
                            .build();
            async.invokeModelWithResponseStream(invokeStream(model), handler).get(TIMEOUT, TimeUnit.SECONDS);
            assertThat(text.toString()).as(model).isEqualTo(COMPLETION);
        }
        Scrape scrape = awaitCount(DURATION, mistral, 1);
        for (String model : List.of(claude, titan, llama, mistral)) {
            assertThat(count(
                            scrape,
                            DURATION,
                            "gen_ai_request_model",
                            model,
                            "gen_ai_operation_name",
                            "chat",
                            "gen_ai_provider_name",
                            "aws.bedrock",
                            "error_type",
                            ""))
                    .as(model)
                    .isEqualTo(1);
            assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", model))
                    .as(model)
                    .isEqualTo(1);
            assertThat(count(scrape, PER_CHUNK, "gen_ai_request_model", model))
                    .as(model)
                    .isEqualTo(1);
        }
        assertThat(count(
                        scrape,
                        DURATION,
                        "gen_ai_request_model",
                        claude,
                        "gen_ai_response_model",
                        claudeResponseModel(claude)))
                .isEqualTo(1);
        assertThat(tokens(scrape, claude, "input")).isEqualTo(CLAUDE_STREAM_IN);
        assertThat(tokens(scrape, claude, "output")).isEqualTo(CLAUDE_STREAM_OUT);
        assertThat(tokens(scrape, titan, "input")).isEqualTo(TITAN_STREAM_IN);
        assertThat(tokens(scrape, titan, "output")).isEqualTo(TITAN_STREAM_OUT);
        assertThat(tokens(scrape, llama, "input")).isEqualTo(LLAMA_STREAM_IN);
        assertThat(tokens(scrape, llama, "output")).isEqualTo(LLAMA_STREAM_OUT);
        assertThat(tokens(scrape, mistral, "input")).isEqualTo(OTHER_STREAM_IN);
        assertThat(tokens(scrape, mistral, "output")).isEqualTo(OTHER_STREAM_OUT);
    }

    // ---- errors ----

    @Test
    void throttlingAndValidationErrorsCarryTheSdkExceptionName() throws Exception {
        String throttled = "anthropic.claude-it-err-throttled";
        String invalid = "anthropic.claude-it-err-invalid";
        String asyncThrottled = "meta.llama-it-err-async-throttled";
        assertThatThrownBy(() -> client.converse(converse(throttled))).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> client.invokeModel(invoke(invalid))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> async.invokeModel(invoke(asyncThrottled)).get(TIMEOUT, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ThrottlingException.class);
        Scrape scrape = awaitCount(DURATION, asyncThrottled, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", throttled, "error_type", "ThrottlingException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", invalid, "error_type", "ValidationException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", asyncThrottled, "error_type", "ThrottlingException"))
                .isEqualTo(1);
        for (String model : List.of(throttled, invalid, asyncThrottled)) {
            assertThat(count(scrape, DURATION, "gen_ai_request_model", model))
                    .as(model)
                    .isEqualTo(1);
            assertThat(tokenCount(scrape, model, "input")).as(model).isZero();
        }
    }

    @Test
    void streamsFailingBeforeOrDuringTheStreamCarryTheirErrorType() throws Exception {
        String before = "anthropic.claude-it-stream-throttled";
        String during = "anthropic.claude-it-stream-midstream";
        String invokeBefore = "anthropic.claude-it-invoke-stream-invalid";
        List<Throwable> seen = new CopyOnWriteArrayList<>();
        for (String model : List.of(before, during)) {
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .onError(seen::add)
                    .subscriber(event -> {})
                    .build();
            assertThatThrownBy(() ->
                            async.converseStream(converseStream(model), handler).get(TIMEOUT, TimeUnit.SECONDS))
                    .as(model)
                    .hasCauseInstanceOf(ThrottlingException.class);
        }
        InvokeModelWithResponseStreamResponseHandler invokeHandler =
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .onError(seen::add)
                        .subscriber(event -> {})
                        .build();
        assertThatThrownBy(() -> async.invokeModelWithResponseStream(invokeStream(invokeBefore), invokeHandler)
                        .get(TIMEOUT, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ValidationException.class);
        // the application's handler heard of each failure itself (the SDK tells it of one inside the stream twice:
        // from the stream, then from the request's future)
        assertThat(seen).hasSize(4);
        assertThat(seen)
                .extracting(t ->
                        (t.getCause() == null ? t : t.getCause()).getClass().getSimpleName())
                .containsExactly(
                        "ThrottlingException", "ThrottlingException", "ThrottlingException", "ValidationException");
        Scrape scrape = awaitCount(DURATION, invokeBefore, 1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", before, "error_type", "ThrottlingException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", during, "error_type", "ThrottlingException"))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", invokeBefore, "error_type", "ValidationException"))
                .isEqualTo(1);
        // the stream that failed midway had its first chunk
        assertThat(count(scrape, FIRST_CHUNK, "gen_ai_request_model", during, "error_type", "ThrottlingException"))
                .isEqualTo(1);
        for (String model : List.of(before, during, invokeBefore)) {
            assertThat(count(scrape, DURATION, "gen_ai_request_model", model))
                    .as(model)
                    .isEqualTo(1);
        }
    }

    @Test
    void aRetriedCallRecordsOnce() {
        String model = "anthropic.claude-it-retry-flaky";
        try (BedrockRuntimeClient retrying = BedrockRuntimeClient.builder()
                .endpointOverride(URI.create(fake.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(2)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .build()))
                .build()) {
            assertThat(retrying.converse(converse(model))
                            .output()
                            .message()
                            .content()
                            .get(0)
                            .text())
                    .isEqualTo(COMPLETION);
        }
        assertThat(fake.hits(model)).as("the SDK retried the 503 once").isEqualTo(2);
        Scrape scrape = scrape();
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model, "error_type", ""))
                .isEqualTo(1);
        assertThat(count(scrape, DURATION, "gen_ai_request_model", model)).isEqualTo(1);
        assertThat(tokens(scrape, model, "input")).isEqualTo(CONVERSE_IN);
    }
}
