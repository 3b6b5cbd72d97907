package dev.autoprom.it.genai;

import dev.autoprom.it.genai.FakeProvider.Reply;
import dev.autoprom.it.genai.FakeProvider.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's wire format (chat completions, embeddings, responses): JSON bodies, SSE streams ending in a usage chunk
 * and "data: [DONE]", and the error body of a 429 / 500. Model names steer the fake: "...-ratelimit" answers 429,
 * "...-error" 500, "...-flaky" 500 on the first attempt and 200 on the retry; "...-cached..." reports cached prompt
 * tokens.
 */
final class OpenAiWire {

    static final String COMPLETION = "COMPLETION-SECRET-TEXT";
    static final long CHAT_IN = 11;
    static final long CHAT_OUT = 7;
    /** Of CHAT_IN, read from the prompt cache, for models named "...-cached". */
    static final long CHAT_CACHED = 4;

    static final long STREAM_IN = 9;
    static final long STREAM_OUT = 3;
    static final long EMBED_IN = 5;
    static final long RESP_IN = 13;
    static final long RESP_OUT = 4;

    private OpenAiWire() {}

    static FakeProvider install(FakeProvider fake) {
        return fake.on("/chat/completions", OpenAiWire::chat)
                .on("/embeddings", OpenAiWire::embeddings)
                .on("/responses", OpenAiWire::responses);
    }

    /** The response model the fake reports for a request model: a dated snapshot, as OpenAI does. */
    static String responseModel(String requestModel) {
        return requestModel + "-2025-01-01";
    }

    private static Reply failure(Request request) {
        if (request.model().endsWith("-ratelimit")) {
            return Reply.json(
                            429,
                            "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                                    + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                    .header("retry-after-ms", "1");
        }
        if (request.model().endsWith("-error") || (request.model().endsWith("-flaky") && request.hit() == 1)) {
            return Reply.json(
                            500,
                            "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
                                    + "\"param\":null,\"code\":null}}")
                    .header("retry-after-ms", "1");
        }
        return null;
    }

    static Reply chat(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        String model = responseModel(request.model());
        if (!request.streaming()) {
            return Reply.json(
                    200,
                    "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                            + "\"model\":\"" + model
                            + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                            + "\"content\":\"" + COMPLETION
                            + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                            + "\"usage\":{\"prompt_tokens\":" + CHAT_IN + ",\"completion_tokens\":" + CHAT_OUT
                            + ",\"total_tokens\":" + (CHAT_IN + CHAT_OUT)
                            + (request.model().contains("-cached")
                                    ? ",\"prompt_tokens_details\":{\"cached_tokens\":" + CHAT_CACHED
                                            + ",\"audio_tokens\":0}"
                                    : "")
                            + "}}");
        }
        List<String> events = new ArrayList<>();
        String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",";
        for (String piece : new String[] {"COMPLETION-", "SECRET-", "TEXT"}) {
            events.add("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                    + "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        events.add("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + STREAM_IN
                + ",\"completion_tokens\":" + STREAM_OUT + ",\"total_tokens\":" + (STREAM_IN + STREAM_OUT) + "}}\n\n");
        events.add("data: [DONE]\n\n");
        return Reply.sse(events);
    }

    static Reply embeddings(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        return Reply.json(
                200,
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                        + "\"embedding\":[0.25,-0.5,0.125]}],\"model\":\"" + responseModel(request.model())
                        + "\",\"usage\":{\"prompt_tokens\":" + EMBED_IN + ",\"total_tokens\":" + EMBED_IN + "}}");
    }

    private static String response(String model, String status, boolean withUsage) {
        return "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1700000000,\"status\":\"" + status + "\","
                + "\"model\":\"" + model
                + "\",\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + COMPLETION
                + "\",\"annotations\":[]}]}],\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],"
                + "\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"metadata\":{},\"temperature\":1.0,"
                + "\"top_p\":1.0"
                + (withUsage
                        ? ",\"usage\":{\"input_tokens\":" + RESP_IN + ",\"input_tokens_details\":{\"cached_tokens\":0},"
                                + "\"output_tokens\":" + RESP_OUT
                                + ",\"output_tokens_details\":{\"reasoning_tokens\":0},"
                                + "\"total_tokens\":" + (RESP_IN + RESP_OUT) + "}"
                        : "")
                + "}";
    }

    static Reply responses(Request request) {
        Reply failure = failure(request);
        if (failure != null) {
            return failure;
        }
        String model = responseModel(request.model());
        if (!request.streaming()) {
            return Reply.json(200, response(model, "completed", true));
        }
        List<String> events = new ArrayList<>();
        events.add("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                + response(model, "in_progress", false) + "}\n\n");
        int seq = 1;
        for (String piece : new String[] {"COMPLETION-", "SECRET-", "TEXT"}) {
            events.add("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                    + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + piece
                    + "\",\"logprobs\":[],\"sequence_number\":" + (seq++) + "}\n\n");
        }
        events.add("event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":" + seq
                + ",\"response\":" + response(model, "completed", true) + "}\n\n");
        return Reply.sse(events);
    }
}
