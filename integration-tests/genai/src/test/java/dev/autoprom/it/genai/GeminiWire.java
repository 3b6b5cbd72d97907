package dev.autoprom.it.genai;

import dev.autoprom.it.genai.FakeProvider.Reply;
import dev.autoprom.it.genai.FakeProvider.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gemini API's wire format (generativelanguage v1beta): generateContent JSON, streamGenerateContent as SSE
 * (usageMetadata in every chunk, cumulative), batchEmbedContents, and Google's error body. The model is in the
 * path. "...-ratelimit" answers 429 RESOURCE_EXHAUSTED, "...-error" 500 INTERNAL.
 */
final class GeminiWire {

    static final String COMPLETION = "GEMINI-SECRET-REPLY";
    static final long IN = 6;
    static final long OUT = 12;
    static final long STREAM_IN = 8;
    static final long STREAM_OUT = 5;

    private GeminiWire() {}

    static FakeProvider install(FakeProvider fake) {
        return fake.on(":generateContent", GeminiWire::generate)
                .on(":streamGenerateContent", GeminiWire::stream)
                .on(":batchEmbedContents", GeminiWire::embed)
                .on(":embedContent", GeminiWire::embed);
    }

    static String responseModel(String requestModel) {
        return requestModel + "-001";
    }

    private static Reply failure(Request request) {
        if (request.model().endsWith("-ratelimit")) {
            return Reply.json(
                    429,
                    "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                            + "\"status\":\"RESOURCE_EXHAUSTED\"}}");
        }
        if (request.model().endsWith("-error")) {
            return Reply.json(
                    500,
                    "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\","
                            + "\"status\":\"INTERNAL\"}}");
        }
        return null;
    }

    private static String response(String text, String model, long in, long out) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":" + in
                + ",\"candidatesTokenCount\":" + out + ",\"totalTokenCount\":" + (in + out) + "},"
                + "\"modelVersion\":\"" + model + "\",\"responseId\":\"r-1\"}";
    }

    static Reply generate(Request request) {
        Reply failure = failure(request);
        return failure != null
                ? failure
                : Reply.json(200, response(COMPLETION, responseModel(request.model()), IN, OUT));
    }

    static Reply stream(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        List<String> events = new ArrayList<>();
        String[] pieces = {"GEMINI-", "SECRET-", "REPLY"};
        for (int i = 0; i < pieces.length; i++) {
            long out = i == pieces.length - 1 ? STREAM_OUT : i + 1;
            events.add("data: " + response(pieces[i], responseModel(request.model()), STREAM_IN, out) + "\r\n\r\n");
        }
        return Reply.sse(events);
    }

    static Reply embed(Request request) {
        Reply failure = failure(request);
        return failure != null ? failure : Reply.json(200, "{\"embeddings\":[{\"values\":[0.25,-0.5,0.125]}]}");
    }
}
