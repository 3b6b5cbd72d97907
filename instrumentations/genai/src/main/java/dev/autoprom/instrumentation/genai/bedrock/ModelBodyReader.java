package dev.autoprom.instrumentation.genai.bedrock;

import dev.autoprom.instrumentation.genai.GenAiCall;
import java.nio.charset.StandardCharsets;

/**
 * Reads token counts out of the JSON a Bedrock model family returns from {@code InvokeModel} (the whole body) or
 * sends in each {@code InvokeModelWithResponseStream} chunk. That JSON is the model provider's own format, which
 * the SDK hands over as bytes, so the fields are found by their names:
 *
 * <ul>
 *   <li>Anthropic Claude (messages): {@code usage.input_tokens}, {@code usage.output_tokens}, the top-level
 *       {@code model}; streamed, {@code message.usage} / {@code message.model} in {@code message_start} and
 *       {@code usage.output_tokens} in {@code message_delta}; an output chunk is {@code content_block_delta}.</li>
 *   <li>Amazon Nova: {@code usage.inputTokens}, {@code usage.outputTokens}; streamed, {@code metadata.usage};
 *       an output chunk carries {@code contentBlockDelta}.</li>
 *   <li>Amazon Titan text and embeddings: {@code inputTextTokenCount}, the sum of {@code results[].tokenCount};
 *       streamed, {@code totalOutputTextTokenCount}; an output chunk has a non-empty {@code outputText}.</li>
 *   <li>Meta Llama: {@code prompt_token_count}, {@code generation_token_count}; an output chunk has a non-empty
 *       {@code generation}.</li>
 *   <li>Every stream: the {@code amazon-bedrock-invocationMetrics} object Bedrock adds to the last chunk
 *       ({@code inputTokenCount}, {@code outputTokenCount}); it is Bedrock's own count and wins.</li>
 * </ul>
 *
 * <p>One pass over the bytes, no allocation but the model name's string: a hand-written scanner rather than a
 * JSON library, because the agent bundles none and a stream calls this once per chunk. Only the members named
 * above are looked at, each at its own depth, so a completion or a tool argument that happens to contain
 * {@code "input_tokens"} is never read (strings are skipped, other objects are not entered). Anything that is not
 * well-formed simply yields fewer values. Never reads text: prompts and completions are skipped over unseen.
 *
 * <p>One reader per operation (a stream keeps its own, see {@link GenAiCall#adapterState}); not thread-safe.
 */
public final class ModelBodyReader {

    private static final int TOP = 0;
    private static final int USAGE = 1;
    private static final int METRICS = 2;
    private static final int RESULT = 3;
    private static final int MESSAGE = 4;
    private static final int METADATA = 5;

    private static final byte[] K_USAGE = ascii("usage");
    private static final byte[] K_METRICS = ascii("amazon-bedrock-invocationMetrics");
    private static final byte[] K_RESULTS = ascii("results");
    private static final byte[] K_MESSAGE = ascii("message");
    private static final byte[] K_METADATA = ascii("metadata");
    private static final byte[] K_MODEL = ascii("model");
    private static final byte[] K_TYPE = ascii("type");
    private static final byte[] V_CONTENT_BLOCK_DELTA = ascii("content_block_delta");
    private static final byte[] K_INPUT_TEXT_TOKEN_COUNT = ascii("inputTextTokenCount");
    private static final byte[] K_TOTAL_OUTPUT_TEXT_TOKEN_COUNT = ascii("totalOutputTextTokenCount");
    private static final byte[] K_PROMPT_TOKEN_COUNT = ascii("prompt_token_count");
    private static final byte[] K_GENERATION_TOKEN_COUNT = ascii("generation_token_count");
    private static final byte[] K_TOKEN_COUNT = ascii("tokenCount");
    private static final byte[] K_INPUT_TOKENS = ascii("input_tokens");
    private static final byte[] K_OUTPUT_TOKENS = ascii("output_tokens");
    private static final byte[] K_CACHE_READ_INPUT_TOKENS = ascii("cache_read_input_tokens");
    private static final byte[] K_INPUT_TOKENS_CAMEL = ascii("inputTokens");
    private static final byte[] K_OUTPUT_TOKENS_CAMEL = ascii("outputTokens");
    private static final byte[] K_CACHE_READ_INPUT_TOKEN_COUNT = ascii("cacheReadInputTokenCount");
    private static final byte[] K_INPUT_TOKEN_COUNT = ascii("inputTokenCount");
    private static final byte[] K_OUTPUT_TOKEN_COUNT = ascii("outputTokenCount");
    /** Top-level members whose presence (a non-empty string, an object, an array) makes a chunk an output chunk. */
    private static final byte[][] OUTPUT_KEYS = {
        ascii("outputText"),
        ascii("generation"),
        ascii("completion"),
        ascii("contentBlockDelta"),
        ascii("outputs"),
        ascii("text"),
        ascii("choices")
    };

    /** How deep the scanner descends into objects it reads; anything deeper is skipped without recursion. */
    private static final int MAX_DEPTH = 3;

    private byte[] json;
    private int pos;
    private int end;

    // what the last read found; -1 is "absent"
    private long input;
    private long output;
    private long cacheRead;
    private long metricsInput;
    private long metricsOutput;
    private long resultTokens;
    private boolean outputChunk;
    private int modelStart;
    private int modelEnd;

    /** Reads one JSON document: the whole of {@code json}. Never throws. */
    public ModelBodyReader read(byte[] bytes) {
        json = bytes;
        pos = 0;
        end = bytes == null ? 0 : bytes.length;
        input = output = cacheRead = metricsInput = metricsOutput = resultTokens = -1;
        outputChunk = false;
        modelStart = modelEnd = -1;
        try {
            skipSpace();
            if (pos < end && json[pos] == '{') {
                object(TOP, 1);
            }
        } catch (RuntimeException malformed) {
            // truncated or not JSON (an index past the end): keep what was found before it
        }
        return this;
    }

    /** Input tokens found (Bedrock's own count first), or -1. */
    public long inputTokens() {
        return metricsInput >= 0 ? metricsInput : input;
    }

    /** Output tokens found (Bedrock's own count first, then the family's, then Titan's per-result sum), or -1. */
    public long outputTokens() {
        if (metricsOutput >= 0) {
            return metricsOutput;
        }
        return output >= 0 ? output : resultTokens;
    }

    /** Input tokens read from the prompt cache (Anthropic, Nova: not part of the input count), or -1. */
    public long cacheReadTokens() {
        return cacheRead;
    }

    /** Whether this chunk carries generated output (for time to first chunk). */
    public boolean isOutputChunk() {
        return outputChunk;
    }

    /** The model the body names (Anthropic), or null. */
    public String model() {
        return modelStart < 0 ? null : new String(json, modelStart, modelEnd - modelStart, StandardCharsets.UTF_8);
    }

    /** Puts what was found into the operation; values that were absent are left as they were. */
    public void applyTo(GenAiCall call) {
        long in = inputTokens();
        if (in >= 0) {
            call.inputTokens(in);
        }
        long out = outputTokens();
        if (out >= 0) {
            call.outputTokens(out);
        }
        if (cacheRead >= 0) {
            // Claude's cache_read_input_tokens and Nova's cacheReadInputTokenCount come on top of the input count
            call.cachedInputTokens(cacheRead, false);
        }
        if (modelStart >= 0) {
            call.responseModel(model());
        }
    }

    // ---- the scanner ----

    /** At '{': reads the members of an object in context {@code ctx}, leaves pos after '}'. */
    private void object(int ctx, int depth) {
        pos++;
        skipSpace();
        if (json[pos] == '}') {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            int keyStart = pos + 1;
            skipString();
            int keyEnd = pos - 1;
            skipSpace();
            pos++; // ':'
            skipSpace();
            member(ctx, depth, keyStart, keyEnd);
            skipSpace();
            if (json[pos] == ',') {
                pos++;
                continue;
            }
            pos++; // '}'
            return;
        }
    }

    /** At a member's value: reads it if it is one of ours, else skips it. */
    private void member(int ctx, int depth, int keyStart, int keyEnd) {
        byte first = json[pos];
        int child = childContext(ctx, keyStart, keyEnd);
        if (child >= 0 && depth < MAX_DEPTH) {
            if (first == '{' && child != RESULT) {
                object(child, depth + 1);
                return;
            }
            if (first == '[' && child == RESULT) {
                resultArray(depth + 1);
                return;
            }
        }
        if (ctx == TOP && isOutputKey(keyStart, keyEnd)) {
            int valueStart = pos;
            skipValue();
            // "generation": "" or "outputText": "" ends some streams without output
            outputChunk |= first != '"' || pos - valueStart > 2;
            return;
        }
        if (first == '"') {
            int valueStart = pos + 1;
            skipString();
            string(ctx, keyStart, keyEnd, valueStart, pos - 1);
            return;
        }
        if (first >= '0' && first <= '9') {
            number(ctx, keyStart, keyEnd, integer());
            return;
        }
        skipValue();
    }

    /** The context of an object-valued member, or -1 if the scanner does not enter it. */
    private int childContext(int ctx, int keyStart, int keyEnd) {
        switch (ctx) {
            case TOP:
                if (is(K_USAGE, keyStart, keyEnd)) {
                    return USAGE;
                }
                if (is(K_METRICS, keyStart, keyEnd)) {
                    return METRICS;
                }
                if (is(K_RESULTS, keyStart, keyEnd)) {
                    return RESULT;
                }
                if (is(K_MESSAGE, keyStart, keyEnd)) {
                    return MESSAGE;
                }
                return is(K_METADATA, keyStart, keyEnd) ? METADATA : -1;
            case MESSAGE:
            case METADATA:
                return is(K_USAGE, keyStart, keyEnd) ? USAGE : -1;
            default:
                return -1;
        }
    }

    /** Titan's {@code results}: an array of objects, each with its {@code tokenCount}. */
    private void resultArray(int depth) {
        pos++;
        while (true) {
            skipSpace();
            byte b = json[pos];
            if (b == ']') {
                pos++;
                return;
            }
            int before = pos;
            if (b == '{') {
                object(RESULT, depth);
            } else {
                skipValue();
            }
            skipSpace();
            if (json[pos] == ',') {
                pos++;
            } else if (pos == before) {
                return; // malformed ("[}"): stop rather than loop
            }
        }
    }

    private void number(int ctx, int keyStart, int keyEnd, long value) {
        if (value < 0) {
            return;
        }
        switch (ctx) {
            case TOP:
                if (is(K_INPUT_TEXT_TOKEN_COUNT, keyStart, keyEnd) || is(K_PROMPT_TOKEN_COUNT, keyStart, keyEnd)) {
                    input = value;
                } else if (is(K_GENERATION_TOKEN_COUNT, keyStart, keyEnd)
                        || is(K_TOTAL_OUTPUT_TEXT_TOKEN_COUNT, keyStart, keyEnd)) {
                    output = value;
                }
                break;
            case USAGE:
                if (is(K_INPUT_TOKENS, keyStart, keyEnd) || is(K_INPUT_TOKENS_CAMEL, keyStart, keyEnd)) {
                    input = value;
                } else if (is(K_OUTPUT_TOKENS, keyStart, keyEnd) || is(K_OUTPUT_TOKENS_CAMEL, keyStart, keyEnd)) {
                    output = value;
                } else if (is(K_CACHE_READ_INPUT_TOKENS, keyStart, keyEnd)
                        || is(K_CACHE_READ_INPUT_TOKEN_COUNT, keyStart, keyEnd)) {
                    cacheRead = value;
                }
                break;
            case METRICS:
                if (is(K_INPUT_TOKEN_COUNT, keyStart, keyEnd)) {
                    metricsInput = value;
                } else if (is(K_OUTPUT_TOKEN_COUNT, keyStart, keyEnd)) {
                    metricsOutput = value;
                } else if (is(K_CACHE_READ_INPUT_TOKEN_COUNT, keyStart, keyEnd)) {
                    cacheRead = value;
                }
                break;
            case RESULT:
                if (is(K_TOKEN_COUNT, keyStart, keyEnd)) {
                    resultTokens = (resultTokens < 0 ? 0 : resultTokens) + value;
                }
                break;
            default:
                break;
        }
    }

    private void string(int ctx, int keyStart, int keyEnd, int valueStart, int valueEnd) {
        if ((ctx == TOP || ctx == MESSAGE) && is(K_MODEL, keyStart, keyEnd)) {
            modelStart = valueStart;
            modelEnd = valueEnd;
        } else if (ctx == TOP && is(K_TYPE, keyStart, keyEnd) && is(V_CONTENT_BLOCK_DELTA, valueStart, valueEnd)) {
            outputChunk = true;
        }
    }

    private boolean isOutputKey(int keyStart, int keyEnd) {
        for (byte[] key : OUTPUT_KEYS) {
            if (is(key, keyStart, keyEnd)) {
                return true;
            }
        }
        return false;
    }

    /** A non-negative integer at pos (pos moves past the number); -1 for a fraction, exponent or overflow. */
    private long integer() {
        long value = 0;
        int digits = 0;
        while (pos < end && json[pos] >= '0' && json[pos] <= '9') {
            value = value * 10 + (json[pos++] - '0');
            digits++;
        }
        if (pos < end && (json[pos] == '.' || json[pos] == 'e' || json[pos] == 'E')) {
            skipValue();
            return -1;
        }
        return digits > 18 ? -1 : value;
    }

    /** Skips any value at pos without recursion: strings, numbers, literals, nested objects and arrays. */
    private void skipValue() {
        byte first = json[pos];
        if (first == '"') {
            skipString();
            return;
        }
        if (first != '{' && first != '[') {
            while (pos < end) {
                byte b = json[pos];
                if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    return;
                }
                pos++;
            }
            return;
        }
        int nesting = 0;
        while (true) {
            byte b = json[pos];
            if (b == '"') {
                skipString();
                continue;
            }
            pos++;
            if (b == '{' || b == '[') {
                nesting++;
            } else if ((b == '}' || b == ']') && --nesting == 0) {
                return;
            }
        }
    }

    /** At an opening quote: moves pos past the closing one (escapes honoured). */
    private void skipString() {
        pos++;
        while (true) {
            byte b = json[pos++];
            if (b == '\\') {
                pos++;
            } else if (b == '"') {
                return;
            }
        }
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private boolean is(byte[] constant, int start, int stop) {
        if (stop - start != constant.length) {
            return false;
        }
        for (int i = 0; i < constant.length; i++) {
            if (json[start + i] != constant[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
