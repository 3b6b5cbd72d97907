package dev.autoprom.it.genai;

import dev.autoprom.it.genai.FakeProvider.Reply;
import dev.autoprom.it.genai.FakeProvider.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's Messages API wire format: the message JSON, the SSE stream (message_start with input tokens,
 * content_block_delta chunks, message_delta with the output tokens, message_stop) and its error bodies.
 * "...-ratelimit" answers 429, "...-error" 500, "...-flaky" 529 (overloaded) once and then 200.
 */
final class AnthropicWire {

    static final String COMPLETION = "CLAUDE-SECRET-ANSWER";
    static final long IN = 21;
    static final long OUT = 8;
    static final long STREAM_IN = 17;
    static final long STREAM_OUT = 15;

    private AnthropicWire() {}

    static FakeProvider install(FakeProvider fake) {
        return fake.on("/v1/messages", AnthropicWire::messages);
    }

    static String responseModel(String requestModel) {
        return requestModel + "-20250101";
    }

    static Reply messages(Request request) {
        String model = request.model();
        if (model.endsWith("-ratelimit")) {
            return Reply.json(
                            429,
                            "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                                    + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}")
                    .header("retry-after-ms", "1");
        }
        if (model.endsWith("-error")) {
            return Reply.json(
                            500,
                            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}")
                    .header("retry-after-ms", "1");
        }
        if (model.endsWith("-flaky") && request.hit() == 1) {
            return Reply.json(
                            529,
                            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")
                    .header("retry-after-ms", "1");
        }
        String responseModel = responseModel(model);
        if (!request.streaming()) {
            return Reply.json(
                    200,
                    "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                            + responseModel + "\",\"content\":[{\"type\":\"text\",\"text\":\"" + COMPLETION + "\"}],"
                            + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                            + "\"usage\":{\"input_tokens\":" + IN + ",\"output_tokens\":" + OUT + "}}");
        }
        List<String> events = new ArrayList<>();
        events.add(event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_02\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"" + responseModel
                        + "\",\"content\":[],\"stop_reason\":null,"
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + STREAM_IN
                        + ",\"output_tokens\":1}}}"));
        events.add(event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.add(event("ping", "{\"type\":\"ping\"}"));
        for (String piece : new String[] {"CLAUDE-", "SECRET-", "ANSWER"}) {
            events.add(event(
                    "content_block_delta",
                    "{\"type\":\"content_block_delta\",\"index\":0," + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
                            + piece + "\"}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.add(event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + STREAM_OUT + "}}"));
        events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        return Reply.sse(events);
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
