package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.GenAiMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * {@code gen_ai_client_cost_usd_total} = tokens x the prices of {@code autoprom.genai.prices.file}, exactly, for the
 * test JVM's table ({@code src/test/resources/genai-prices-it.txt}) on the OpenAI and Bedrock fakes; nothing for a
 * model the table does not name; the table and its skipped lines on {@code /autoprom}; and, in child JVMs, each bad
 * line reported once with its file and line, and {@code autoprom.fail.fast} refusing a bad table.
 */
class GenAiCostIT {

    static final String COST = "gen_ai_client_cost_usd_total";
    static final String IT_PRICES =
            Paths.get("src/test/resources/genai-prices-it.txt").toAbsolutePath().toString();
    /** Cost is summed in doubles: tokens x price / 1e6 per call, so equal to the last bits of a double. */
    static final double EXACT = 1e-15;

    static FakeProvider openAiFake;
    static FakeProvider bedrockFake;
    static OpenAIClient openAi;
    static BedrockRuntimeClient bedrock;
    static BedrockRuntimeAsyncClient bedrockAsync;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        openAiFake = OpenAiWire.install(new FakeProvider());
        openAi = OpenAIOkHttpClient.builder()
                .apiKey("sk-cost-test")
                .baseUrl(openAiFake.url() + "/v1")
                .maxRetries(0)
                .build();
        bedrockFake = BedrockWire.install(new FakeProvider());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAFAKECOSTKEY00001", "fakeCostSecret0123456789"));
        bedrock = BedrockRuntimeClient.builder()
                .endpointOverride(URI.create(bedrockFake.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        bedrockAsync = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(URI.create(bedrockFake.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        assertNoAgentErrors();
        openAi.close();
        bedrock.close();
        bedrockAsync.close();
        openAiFake.close();
        bedrockFake.close();
    }

    private static double cost(Scrape scrape, String provider, String model, String type) {
        return scrape.sum(
                COST, "gen_ai_provider_name", provider, "gen_ai_request_model", model, "gen_ai_token_type", type);
    }

    private static double usd(long tokens, double usdPerMillion) {
        return tokens * usdPerMillion / 1_000_000.0;
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("what does it cost?")
                .build();
    }

    private static Message user() {
        return Message.builder()
                .role(ConversationRole.USER)
                .content(ContentBlock.fromText("what does it cost?"))
                .build();
    }

    @Test
    void openAiCostIsTokensTimesPriceWithCachedPromptTokensApart() {
        String model = "gpt-it-cost-cached";
        for (int i = 0; i < 3; i++) {
            openAi.chat().completions().create(chat(model));
        }
        Scrape scrape = scrape();
        assertThat(tokens(scrape, model, "input")).isEqualTo(3 * OpenAiWire.CHAT_IN);
        // cached_tokens are part of prompt_tokens: 11 - 4 at the input price, 4 at the cached price
        assertThat(cost(scrape, "openai", model, "input"))
                .isCloseTo(3 * usd(OpenAiWire.CHAT_IN - OpenAiWire.CHAT_CACHED, 2.50), within(EXACT));
        assertThat(cost(scrape, "openai", model, "cached_input"))
                .isCloseTo(3 * usd(OpenAiWire.CHAT_CACHED, 1.25), within(EXACT));
        assertThat(cost(scrape, "openai", model, "output"))
                .isCloseTo(3 * usd(OpenAiWire.CHAT_OUT, 10.00), within(EXACT));
        assertThat(scrape.find(COST, "gen_ai_request_model", model)).hasSize(3);
    }

    @Test
    void aStreamsCostComesFromItsUsage() {
        String model = "gpt-it-cost-stream";
        try (StreamResponse<ChatCompletionChunk> stream =
                openAi.chat().completions().createStreaming(chat(model))) {
            assertThat(stream.stream().count()).isEqualTo(4);
        }
        Scrape scrape = scrape();
        assertThat(cost(scrape, "openai", model, "input")).isCloseTo(usd(OpenAiWire.STREAM_IN, 0.15), within(EXACT));
        assertThat(cost(scrape, "openai", model, "output")).isCloseTo(usd(OpenAiWire.STREAM_OUT, 0.60), within(EXACT));
        assertThat(scrape.has(COST, "gen_ai_request_model", model, "gen_ai_token_type", "cached_input"))
                .isFalse();
    }

    @Test
    void aModelNotInTheTableGetsNoCostSeries() {
        String model = "gpt-it-cost-unpriced";
        openAi.chat().completions().create(chat(model));
        // and a line that was skipped prices nothing either
        openAi.chat().completions().create(chat("gpt-it-cost-bad"));
        Scrape scrape = scrape();
        assertThat(tokens(scrape, model, "input")).isEqualTo(OpenAiWire.CHAT_IN);
        assertThat(scrape.find(COST, "gen_ai_request_model", model)).isEmpty();
        assertThat(scrape.find(COST, "gen_ai_request_model", "gpt-it-cost-bad")).isEmpty();
        // every cost series there is belongs to a model of the table
        assertThat(scrape.find(COST))
                .allSatisfy(s -> assertThat(s.labels().get("gen_ai_request_model"))
                        .isIn(
                                "gpt-it-cost-cached",
                                "gpt-it-cost-stream",
                                "anthropic.claude-it-cost-cached-v1:0",
                                "anthropic.claude-it-cost-invoke-cached-v1:0",
                                "meta.llama-it-cost-stream-v1:0"));
    }

    @Test
    void bedrockCostWithCacheReadsOnTopOfTheInput() {
        String model = "anthropic.claude-it-cost-cached-v1:0";
        for (int i = 0; i < 2; i++) {
            bedrock.converse(b -> b.modelId(model).messages(user()));
        }
        Scrape scrape = scrape();
        // Bedrock's cacheReadInputTokens come on top of inputTokens: all 25 at the input price, 5 at the cached one
        assertThat(cost(scrape, "aws.bedrock", model, "input"))
                .isCloseTo(2 * usd(BedrockWire.CONVERSE_IN, 3.00), within(EXACT));
        assertThat(cost(scrape, "aws.bedrock", model, "cached_input"))
                .isCloseTo(2 * usd(BedrockWire.CONVERSE_CACHED, 0.30), within(EXACT));
        assertThat(cost(scrape, "aws.bedrock", model, "output"))
                .isCloseTo(2 * usd(BedrockWire.CONVERSE_OUT, 15.00), within(EXACT));
    }

    @Test
    void withoutACachedPriceCacheReadsArePricedAsInput() {
        String model = "anthropic.claude-it-cost-invoke-cached-v1:0";
        bedrock.invokeModel(b -> b.modelId(model)
                .contentType("application/json")
                .body(SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":64}")));
        Scrape scrape = scrape();
        assertThat(tokens(scrape, model, "input")).isEqualTo(BedrockWire.CLAUDE_IN);
        assertThat(cost(scrape, "aws.bedrock", model, "input"))
                .isCloseTo(usd(BedrockWire.CLAUDE_IN + BedrockWire.CLAUDE_CACHED, 2.00), within(EXACT));
        assertThat(cost(scrape, "aws.bedrock", model, "output"))
                .isCloseTo(usd(BedrockWire.CLAUDE_OUT, 8.00), within(EXACT));
        assertThat(scrape.has(COST, "gen_ai_request_model", model, "gen_ai_token_type", "cached_input"))
                .isFalse();
    }

    @Test
    void bedrockStreamCost() throws Exception {
        String model = "meta.llama-it-cost-stream-v1:0";
        bedrockAsync
                .invokeModelWithResponseStream(
                        b -> b.modelId(model)
                                .contentType("application/json")
                                .body(SdkBytes.fromUtf8String("{\"prompt\":\"what does it cost?\"}")),
                        InvokeModelWithResponseStreamResponseHandler.builder()
                                .subscriber(event -> {})
                                .build())
                .get(20, TimeUnit.SECONDS);
        Scrape scrape = awaitCount(DURATION, model, 1);
        assertThat(cost(scrape, "aws.bedrock", model, "input"))
                .isCloseTo(usd(BedrockWire.LLAMA_STREAM_IN, 0.72), within(EXACT));
        assertThat(cost(scrape, "aws.bedrock", model, "output"))
                .isCloseTo(usd(BedrockWire.LLAMA_STREAM_OUT, 0.72), within(EXACT));
    }

    @Test
    void theAutopromPageListsTheTableInUseAndTheSkippedLines() throws Exception {
        JsonNode page = new ObjectMapper()
                .readTree(Scrape.get("http://127.0.0.1:" + PORT + "/autoprom").body());
        JsonNode prices = page.get("genaiPrices");
        assertThat(prices.get("file").asText()).isEqualTo(IT_PRICES);
        assertThat(prices.get("models")).hasSize(5);
        JsonNode first = prices.get("models").get(0);
        assertThat(first.get("provider").asText()).isEqualTo("openai");
        assertThat(first.get("model").asText()).isEqualTo("gpt-it-cost-cached");
        assertThat(first.get("inputUsdPerMillion").asDouble()).isEqualTo(2.50);
        assertThat(first.get("outputUsdPerMillion").asDouble()).isEqualTo(10.00);
        assertThat(first.get("cachedInputUsdPerMillion").asDouble()).isEqualTo(1.25);
        assertThat(first.get("line").asInt()).isEqualTo(4);
        assertThat(prices.get("models").get(1).has("cachedInputUsdPerMillion")).isFalse();
        assertThat(prices.get("skippedLines"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "autoprom.genai.prices.file " + IT_PRICES + " line 11: expected \"provider model input output "
                                + "[cached_input]\" (USD per million tokens), found 3 fields; line skipped",
                        "autoprom.genai.prices.file " + IT_PRICES
                                + " line 12: openai gpt-it-cost-cached is priced already " + "on line 4; line skipped");
        assertThat(page.get("configuration")
                        .get("autoprom.genai.prices.file")
                        .get("value")
                        .asText())
                .isEqualTo(IT_PRICES);
    }

    @Test
    void eachBadLineIsReportedOnceWithFileAndLineAndTheOthersApply() throws Exception {
        Path file = tmp.resolve("child-prices.txt");
        Files.writeString(file, "openai gpt-child 2.00 4.00\n" + "openai gpt-child-stream two 4.00\n" + "openai\n");
        try (ChildJvm app = ChildJvm.main(OpenAiChildApp.class)
                .property("autoprom.genai.prices.file", file.toString())
                .start()) {
            app.awaitOutput("calls done", Duration.ofSeconds(60));
            String line2 = "autoprom.genai.prices.file " + file + " line 2: input price \"two\" is not a plain "
                    + "non-negative decimal of USD per million tokens (such as 2.50); line skipped";
            String line3 = "autoprom.genai.prices.file " + file + " line 3: expected \"provider model input output "
                    + "[cached_input]\" (USD per million tokens), found 1 field; line skipped";
            assertThat(occurrences(app.output(), line2)).as(app.output()).isEqualTo(1);
            assertThat(occurrences(app.output(), line3)).as(app.output()).isEqualTo(1);
            assertThat(app.output()).contains("genai prices: 1 model(s) from " + file + ", 2 line(s) skipped");
            Scrape scrape = app.scrape();
            assertThat(scrape.sum(COST, "gen_ai_request_model", "gpt-child", "gen_ai_token_type", "input"))
                    .isCloseTo(2 * usd(OpenAiWire.CHAT_IN, 2.00), within(EXACT));
            assertThat(scrape.sum(COST, "gen_ai_request_model", "gpt-child", "gen_ai_token_type", "output"))
                    .isCloseTo(2 * usd(OpenAiWire.CHAT_OUT, 4.00), within(EXACT));
            assertThat(scrape.find(COST, "gen_ai_request_model", "gpt-child-stream"))
                    .isEmpty();
        }
    }

    @Test
    void failFastRefusesABadTable() throws Exception {
        Path file = tmp.resolve("bad-prices.txt");
        Files.writeString(file, "openai gpt-child 2.00\n");
        try (ChildJvm app = ChildJvm.main(OpenAiChildApp.class)
                .property("autoprom.genai.prices.file", file.toString())
                .property("autoprom.fail.fast", "true")
                .start()) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output())
                    .contains("autoprom.genai.prices.file " + file + " line 1: expected")
                    .doesNotContain("calls done");
        }
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
