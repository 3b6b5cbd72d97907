package dev.autoprom.it.genai;

import static dev.autoprom.it.genai.EventStreamEncoder.event;
import static dev.autoprom.it.genai.EventStreamEncoder.exception;

import dev.autoprom.it.genai.FakeProvider.Reply;
import dev.autoprom.it.genai.FakeProvider.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Bedrock Runtime's wire format: {@code POST /model/{modelId}/converse} (JSON with a {@code usage} block),
 * {@code /converse-stream} (event-stream frames messageStart, contentBlockStart, contentBlockDelta...,
 * contentBlockStop, messageStop, metadata with usage), {@code /invoke} (the model family's own JSON, token counts
 * also in the {@code X-Amzn-Bedrock-*-Token-Count} headers) and {@code /invoke-with-response-stream} ({@code chunk}
 * frames with the family's JSON base64-encoded in {@code bytes}, the last one with
 * {@code amazon-bedrock-invocationMetrics}). Errors as Bedrock sends them: the status, {@code x-amzn-ErrorType}
 * and a {@code message} body, or an exception frame in a stream. The padding member {@code p} the real service
 * adds to events is there too.
 *
 * <p>Model ids steer the fake: "...-throttled" answers 429 ThrottlingException, "...-invalid" 400
 * ValidationException, "...-flaky" 503 ServiceUnavailableException on the first attempt, "...-midstream" sends a
 * throttlingException frame after the first delta, "...-cached..." reports prompt-cache reads. The family for
 * InvokeModel comes from the id's prefix, as on Bedrock ({@code anthropic.}, {@code amazon.titan-embed},
 * {@code amazon.titan}, {@code amazon.nova}, {@code meta.}, anything else: a Mistral-style body without usage).
 */
final class BedrockWire {

    static final String COMPLETION = "BEDROCK-SECRET-ANSWER";
    static final String[] PIECES = {"BEDROCK-", "SECRET-", "ANSWER"};

    static final long CONVERSE_IN = 25;
    static final long CONVERSE_OUT = 9;
    /** Cache reads on top of the input count, for models named "...-cached...". */
    static final long CONVERSE_CACHED = 5;

    static final long CLAUDE_CACHED = 6;
    static final long STREAM_IN = 19;
    static final long STREAM_OUT = 6;
    static final long CLAUDE_IN = 31;
    static final long CLAUDE_OUT = 12;
    static final long TITAN_IN = 14;
    static final long TITAN_RESULT_1 = 3;
    static final long TITAN_RESULT_2 = 2;
    static final long TITAN_EMBED_IN = 8;
    static final long NOVA_IN = 22;
    static final long NOVA_OUT = 10;
    static final long LLAMA_IN = 17;
    static final long LLAMA_OUT = 11;
    static final long HEADER_IN = 13;
    static final long HEADER_OUT = 4;
    static final long CLAUDE_STREAM_IN = 27;
    static final long CLAUDE_STREAM_OUT = 14;
    static final long TITAN_STREAM_IN = 9;
    static final long TITAN_STREAM_OUT = 6;
    static final long LLAMA_STREAM_IN = 12;
    static final long LLAMA_STREAM_OUT = 7;
    static final long OTHER_STREAM_IN = 10;
    static final long OTHER_STREAM_OUT = 3;

    private static final String PAD = "abcdefghijklmnopqrstuvwxyzABCDEFGH";

    private BedrockWire() {}

    static FakeProvider install(FakeProvider fake) {
        return fake.on("/converse", BedrockWire::converse)
                .on("/converse-stream", BedrockWire::converseStream)
                .on("/invoke", BedrockWire::invoke)
                .on("/invoke-with-response-stream", BedrockWire::invokeStream);
    }

    /** The model name Anthropic's body reports for a request's model id. */
    static String claudeResponseModel(String modelId) {
        return "claude-it-" + Integer.toHexString(modelId.hashCode());
    }

    private static Reply failure(Request request) {
        String model = request.model();
        if (model.endsWith("-throttled")) {
            return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        }
        if (model.endsWith("-invalid")) {
            return error(400, "ValidationException", "The provided model identifier is invalid.");
        }
        if (model.endsWith("-flaky") && request.hit() == 1) {
            return error(503, "ServiceUnavailableException", "Bedrock is unable to process your request.");
        }
        return null;
    }

    private static Reply error(int status, String type, String message) {
        return Reply.json(status, "{\"message\":\"" + message + "\"}")
                .header("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .header("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555");
    }

    static Reply converse(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        return Reply.json(
                200,
                "{\"metrics\":{\"latencyMs\":321},\"output\":{\"message\":{\"content\":[{\"text\":\""
                        + COMPLETION
                        + "\"}],\"role\":\"assistant\"}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":"
                        + CONVERSE_IN + ",\"outputTokens\":" + CONVERSE_OUT + ",\"totalTokens\":"
                        + (CONVERSE_IN + CONVERSE_OUT)
                        + (request.model().contains("-cached")
                                ? ",\"cacheReadInputTokens\":" + CONVERSE_CACHED + ",\"cacheWriteInputTokens\":0"
                                : "")
                        + "}}");
    }

    static Reply converseStream(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(event("messageStart", "{\"p\":\"" + PAD + "\",\"role\":\"assistant\"}"));
        frames.add(event("contentBlockStart", "{\"contentBlockIndex\":0,\"p\":\"abc\",\"start\":{}}"));
        for (String piece : PIECES) {
            frames.add(event(
                    "contentBlockDelta",
                    "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + piece + "\"},\"p\":\"abcd\"}"));
            if (request.model().endsWith("-midstream")) {
                frames.add(exception("throttlingException", "{\"message\":\"Too many tokens, please wait.\"}"));
                return Reply.eventStream(frames);
            }
        }
        frames.add(event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"ab\"}"));
        frames.add(event("messageStop", "{\"p\":\"abcdef\",\"stopReason\":\"end_turn\"}"));
        frames.add(event(
                "metadata",
                "{\"metrics\":{\"latencyMs\":412},\"p\":\"abc\",\"usage\":{\"inputTokens\":" + STREAM_IN
                        + ",\"outputTokens\":" + STREAM_OUT + ",\"totalTokens\":" + (STREAM_IN + STREAM_OUT) + "}}"));
        return Reply.eventStream(frames);
    }

    static Reply invoke(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        String model = request.model();
        String body;
        long in;
        long out;
        if (model.startsWith("anthropic.")) {
            in = CLAUDE_IN;
            out = CLAUDE_OUT;
            body = "{\"id\":\"msg_bdrk_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                    + claudeResponseModel(model) + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + COMPLETION
                    // a tool's input may hold anything, "usage" included: only the top-level usage counts
                    + "\"},{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"lookup\","
                    + "\"input\":{\"usage\":{\"input_tokens\":999,\"output_tokens\":999}}}],"
                    + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                    + "\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":" + out
                    + (model.contains("-cached")
                            ? ",\"cache_read_input_tokens\":" + CLAUDE_CACHED + ",\"cache_creation_input_tokens\":0"
                            : "")
                    + "}}";
        } else if (model.startsWith("amazon.titan-embed")) {
            in = TITAN_EMBED_IN;
            out = -1;
            body = "{\"embedding\":[0.25,-0.5,0.125,1.0E-3],\"inputTextTokenCount\":" + in + "}";
        } else if (model.startsWith("amazon.titan")) {
            in = TITAN_IN;
            out = TITAN_RESULT_1 + TITAN_RESULT_2;
            body = "{\"inputTextTokenCount\":" + in + ",\"results\":[{\"tokenCount\":" + TITAN_RESULT_1
                    + ",\"outputText\":\"" + COMPLETION + "\",\"completionReason\":\"FINISH\"},{\"tokenCount\":"
                    + TITAN_RESULT_2 + ",\"outputText\":\"more\",\"completionReason\":\"LENGTH\"}]}";
        } else if (model.startsWith("amazon.nova")) {
            in = NOVA_IN;
            out = NOVA_OUT;
            body = "{\"output\":{\"message\":{\"content\":[{\"text\":\"" + COMPLETION + "\"}],\"role\":\"assistant\"}},"
                    + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + in + ",\"outputTokens\":" + out
                    + ",\"totalTokens\":" + (in + out) + ",\"cacheReadInputTokenCount\":0,"
                    + "\"cacheWriteInputTokenCount\":0}}";
        } else if (model.startsWith("meta.")) {
            in = LLAMA_IN;
            out = LLAMA_OUT;
            body = "{\"generation\":\"" + COMPLETION + "\",\"prompt_token_count\":" + in
                    + ",\"generation_token_count\":" + out + ",\"stop_reason\":\"stop\"}";
        } else {
            // Mistral's body has no usage: only Bedrock's headers count the tokens
            in = HEADER_IN;
            out = HEADER_OUT;
            body = "{\"outputs\":[{\"text\":\"" + COMPLETION + "\",\"stop_reason\":\"stop\"}]}";
        }
        Reply reply = Reply.json(200, body)
                .header("X-Amzn-Bedrock-Input-Token-Count", Long.toString(in))
                .header("X-Amzn-Bedrock-Invocation-Latency", "250");
        return out < 0 ? reply : reply.header("X-Amzn-Bedrock-Output-Token-Count", Long.toString(out));
    }

    static Reply invokeStream(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        String model = request.model();
        List<String> chunks = new ArrayList<>();
        long in;
        long out;
        if (model.startsWith("anthropic.")) {
            in = CLAUDE_STREAM_IN;
            out = CLAUDE_STREAM_OUT;
            chunks.add("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_02\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"" + claudeResponseModel(model) + "\",\"content\":[],"
                    + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + in
                    + ",\"output_tokens\":1}}}");
            chunks.add(
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            for (String piece : PIECES) {
                chunks.add("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                        + "\"text\":\"" + piece + "\"}}");
            }
            chunks.add("{\"type\":\"content_block_stop\",\"index\":0}");
            chunks.add("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                    + "\"usage\":{\"output_tokens\":" + out + "}}");
            chunks.add("{\"type\":\"message_stop\"" + invocationMetrics(in, out) + "}");
        } else if (model.startsWith("amazon.titan")) {
            in = TITAN_STREAM_IN;
            out = TITAN_STREAM_OUT;
            long soFar = 0;
            for (int i = 0; i < PIECES.length; i++) {
                soFar += 2;
                chunks.add("{\"outputText\":\"" + PIECES[i] + "\",\"index\":0,\"totalOutputTextTokenCount\":" + soFar
                        + ",\"completionReason\":" + (i == PIECES.length - 1 ? "\"FINISH\"" : "null")
                        + (i == 0 ? ",\"inputTextTokenCount\":" + in : "")
                        + (i == PIECES.length - 1 ? invocationMetrics(in, out) : "") + "}");
            }
        } else if (model.startsWith("meta.")) {
            in = LLAMA_STREAM_IN;
            out = LLAMA_STREAM_OUT;
            long soFar = 0;
            for (int i = 0; i < PIECES.length; i++) {
                soFar += 2;
                chunks.add("{\"generation\":\"" + PIECES[i] + "\",\"prompt_token_count\":" + (i == 0 ? in : "null")
                        + ",\"generation_token_count\":" + soFar + ",\"stop_reason\":null}");
            }
            chunks.add("{\"generation\":\"\",\"prompt_token_count\":null,\"generation_token_count\":" + out
                    + ",\"stop_reason\":\"stop\"" + invocationMetrics(in, out) + "}");
        } else {
            in = OTHER_STREAM_IN;
            out = OTHER_STREAM_OUT;
            for (int i = 0; i < PIECES.length; i++) {
                chunks.add("{\"outputs\":[{\"text\":\"" + PIECES[i] + "\",\"stop_reason\":"
                        + (i == PIECES.length - 1 ? "\"stop\"" : "null") + "}]"
                        + (i == PIECES.length - 1 ? invocationMetrics(in, out) : "") + "}");
            }
        }
        List<byte[]> frames = new ArrayList<>();
        for (String chunk : chunks) {
            String bytes = Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8));
            frames.add(event("chunk", "{\"bytes\":\"" + bytes + "\",\"p\":\"abcdefgh\"}"));
        }
        return Reply.eventStream(frames);
    }

    private static String invocationMetrics(long in, long out) {
        return ",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":" + in + ",\"outputTokenCount\":" + out
                + ",\"invocationLatency\":512,\"firstByteLatency\":128}";
    }

    /** The text of the model's chunk JSON, as an application would pick it out (the test checks the stream). */
    static String chunkText(String json) {
        for (String key : new String[] {"\"text\":\"", "\"outputText\":\"", "\"generation\":\""}) {
            int at = json.indexOf(key);
            if (at >= 0 && !json.contains("content_block_start")) {
                int from = at + key.length();
                return json.substring(from, json.indexOf('"', from));
            }
        }
        return "";
    }
}
