package dev.autoprom.instrumentation.genai.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelBodyReaderTest {

    private static ModelBodyReader read(String json) {
        return new ModelBodyReader().read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anthropicMessagesBodyTopLevelUsageOnly() {
        ModelBodyReader r = read("{\"id\":\"msg\",\"type\":\"message\",\"model\":\"claude-x\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"say \\\"usage\\\":{\\\"input_tokens\\\":5} \\\\\"},"
                + "{\"type\":\"tool_use\",\"input\":{\"usage\":{\"input_tokens\":999}}}],"
                + "\"usage\":{\"input_tokens\":31,\"cache_read_input_tokens\":4,\"output_tokens\":12}}");
        assertThat(r.inputTokens()).isEqualTo(31);
        assertThat(r.outputTokens()).isEqualTo(12);
        assertThat(r.cacheReadTokens()).isEqualTo(4);
        assertThat(r.model()).isEqualTo("claude-x");
    }

    @Test
    void titanSumsItsResultsAndEmbeddingsHaveInputOnly() {
        ModelBodyReader r = read("{\"inputTextTokenCount\":14,\"results\":[{\"tokenCount\":3,\"outputText\":\"a\"},"
                + "{\"tokenCount\":2,\"outputText\":\"b\"}]}");
        assertThat(r.inputTokens()).isEqualTo(14);
        assertThat(r.outputTokens()).isEqualTo(5);
        ModelBodyReader e = read("{\"embedding\":[0.1,-2.5e-3,3],\"inputTextTokenCount\":8}");
        assertThat(e.inputTokens()).isEqualTo(8);
        assertThat(e.outputTokens()).isEqualTo(-1);
        assertThat(e.model()).isNull();
    }

    @Test
    void novaAndLlama() {
        ModelBodyReader nova = read("{\"output\":{\"message\":{\"content\":[{\"text\":\"x\"}]}},\"usage\":"
                + "{\"inputTokens\":22,\"outputTokens\":10,\"totalTokens\":32,\"cacheReadInputTokenCount\":7}}");
        assertThat(nova.inputTokens()).isEqualTo(22);
        assertThat(nova.outputTokens()).isEqualTo(10);
        assertThat(nova.cacheReadTokens()).isEqualTo(7);
        ModelBodyReader llama = read("{ \"generation\" : \"hi\" , \"prompt_token_count\" : 17 ,\n"
                + "\t\"generation_token_count\" : 11 , \"stop_reason\" : \"stop\" }");
        assertThat(llama.inputTokens()).isEqualTo(17);
        assertThat(llama.outputTokens()).isEqualTo(11);
    }

    @Test
    void streamChunks() {
        ModelBodyReader r = new ModelBodyReader();
        r.read(bytes("{\"type\":\"message_start\",\"message\":{\"model\":\"claude-y\",\"content\":[],"
                + "\"usage\":{\"input_tokens\":27,\"output_tokens\":1}}}"));
        assertThat(r.inputTokens()).isEqualTo(27);
        assertThat(r.outputTokens()).isEqualTo(1);
        assertThat(r.model()).isEqualTo("claude-y");
        assertThat(r.isOutputChunk()).isFalse();
        r.read(bytes(
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}"));
        assertThat(r.isOutputChunk()).isTrue();
        assertThat(r.inputTokens()).isEqualTo(-1);
        r.read(
                bytes(
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":14}}"));
        assertThat(r.isOutputChunk()).isFalse();
        assertThat(r.outputTokens()).isEqualTo(14);
        // Bedrock's own count in the last chunk wins over the family's
        r.read(bytes("{\"type\":\"message_stop\",\"usage\":{\"output_tokens\":13},\"amazon-bedrock-invocationMetrics\":"
                + "{\"inputTokenCount\":28,\"outputTokenCount\":15,\"invocationLatency\":5}}"));
        assertThat(r.inputTokens()).isEqualTo(28);
        assertThat(r.outputTokens()).isEqualTo(15);
        r.read(bytes("{\"generation\":\"\",\"prompt_token_count\":null,\"generation_token_count\":7}"));
        assertThat(r.isOutputChunk()).as("empty generation").isFalse();
        assertThat(r.inputTokens()).isEqualTo(-1);
        assertThat(r.outputTokens()).isEqualTo(7);
        assertThat(read("{\"outputText\":\"a\",\"totalOutputTextTokenCount\":2}")
                        .isOutputChunk())
                .isTrue();
        assertThat(read("{\"contentBlockDelta\":{\"delta\":{\"text\":\"a\"}}}").isOutputChunk())
                .isTrue();
        assertThat(read("{\"outputs\":[{\"text\":\"a\"}]}").isOutputChunk()).isTrue();
        ModelBodyReader nova = read("{\"metadata\":{\"usage\":{\"inputTokens\":3,\"outputTokens\":4}}}");
        assertThat(nova.inputTokens()).isEqualTo(3);
        assertThat(nova.outputTokens()).isEqualTo(4);
    }

    @Test
    void malformedTruncatedOrOddInputNeverThrows() {
        assertThat(read("{\"usage\":{\"input_tokens\":31,\"output_tok").inputTokens())
                .isEqualTo(31);
        assertThat(read("").inputTokens()).isEqualTo(-1);
        assertThat(read("[1,2]").inputTokens()).isEqualTo(-1);
        assertThat(read("{\"usage\":{\"input_tokens\":1.5,\"output_tokens\":-3}}")
                        .inputTokens())
                .isEqualTo(-1);
        assertThat(read("{\"results\":[}").outputTokens()).isEqualTo(-1);
        assertThat(read("{\"usage\":{\"input_tokens\":99999999999999999999}}").inputTokens())
                .isEqualTo(-1);
        assertThat(new ModelBodyReader().read(null).inputTokens()).isEqualTo(-1);
        StringBuilder deep = new StringBuilder("{\"x\":");
        for (int i = 0; i < 100_000; i++) {
            deep.append('[');
        }
        assertThat(read(deep.toString()).inputTokens()).isEqualTo(-1);
        deep.setLength(0);
        deep.append("{\"message\":{\"message\":{\"usage\":{\"input_tokens\":5}}},\"usage\":{\"input_tokens\":6}}");
        assertThat(read(deep.toString()).inputTokens())
                .as("only message.usage, not deeper")
                .isEqualTo(6);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
