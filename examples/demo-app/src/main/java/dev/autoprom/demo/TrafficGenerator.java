package dev.autoprom.demo;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** Calls the demo's own endpoints on a schedule: HTTP and SQL every 100 ms, WebSocket messages, AI calls. */
final class TrafficGenerator {

    /** Priced in deploy/genai-prices.example.txt, so the cost panels show Bedrock too. */
    private static final String BEDROCK_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    private final int apiPort;
    private final int wsPort;
    private final int aiPort;
    private final int bedrockPort;
    private final Database database;
    private final Random random = new Random(42);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ticks = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3, runnable -> {
        Thread t = new Thread(runnable, "demo-traffic");
        t.setDaemon(true);
        return t;
    });
    private OpenAIClient openAi;
    private BedrockRuntimeClient bedrock;
    private volatile WebSocket webSocket;

    TrafficGenerator(int apiPort, int wsPort, int aiPort, int bedrockPort, Database database) {
        this.apiPort = apiPort;
        this.wsPort = wsPort;
        this.aiPort = aiPort;
        this.bedrockPort = bedrockPort;
        this.database = database;
    }

    void start() {
        openAi = OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + aiPort + "/v1")
                .apiKey("sk-demo-not-a-key")
                .maxRetries(0)
                .build();
        // fake credentials for the fake endpoint; the agent never reads them
        bedrock = BedrockRuntimeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + bedrockPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIADEMONOTAKEY", "demo-not-a-secret")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        scheduler.scheduleWithFixedDelay(quietly(this::httpAndSql), 0, 100, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(quietly(this::webSocketMessages), 0, 500, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(quietly(this::aiCall), 0, 1000, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(quietly(this::bedrockCall), 500, 2000, TimeUnit.MILLISECONDS);
    }

    private void httpAndSql() throws Exception {
        int tick = ticks.incrementAndGet();
        String id = tick % 50 == 0 ? "boom" : String.valueOf(1 + random.nextInt(110)); // some 404s and 500s
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/users/" + id))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (tick % 10 == 0) {
            database.audit("tick " + tick);
        }
    }

    private void webSocketMessages() throws Exception {
        WebSocket ws = webSocket;
        if (ws == null || ws.isOutputClosed() || ws.isInputClosed()) {
            ws = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + wsPort + "/echo"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            socket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                            socket.request(1);
                            return null;
                        }
                    })
                    .get(5, TimeUnit.SECONDS);
            webSocket = ws;
        }
        ws.sendText("hello " + ticks.get(), true).get(5, TimeUnit.SECONDS);
        if (ticks.get() % 3 == 0) {
            ws.sendBinary(ByteBuffer.wrap(new byte[256]), true).get(5, TimeUnit.SECONDS);
        }
        if (ticks.get() % 200 == 0) { // reconnect now and then: a clean close with code 1000
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            webSocket = null;
        }
    }

    private void aiCall() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Say hello to the demo");
        if (ticks.get() % 4 == 0) {
            params.streamOptions(
                    ChatCompletionStreamOptions.builder().includeUsage(true).build());
            try (StreamResponse<ChatCompletionChunk> stream =
                    openAi.chat().completions().createStreaming(params.build())) {
                stream.stream().forEach(chunk -> {});
            }
        } else {
            openAi.chat().completions().create(params.build());
        }
    }

    private void bedrockCall() {
        bedrock.converse(request -> request.modelId(BEDROCK_MODEL)
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText("Say hello to the demo"))
                        .build()));
    }

    /** A scheduled task that throws is never run again: keep going, the demo's errors are part of the show. */
    private static Runnable quietly(ThrowingTask task) {
        return () -> {
            try {
                task.run();
            } catch (Exception e) {
                // expected now and then (429s, 500s); they show up in the metrics
            }
        };
    }

    private interface ThrowingTask {
        void run() throws Exception;
    }
}
