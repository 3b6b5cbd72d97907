package dev.autoprom.instrumentation.genai.googlegenai.bridge;

import com.google.genai.ApiClient;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.LiveServerContent;
import com.google.genai.types.LiveServerMessage;
import com.google.genai.types.UsageMetadata;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiSession;
import dev.autoprom.instrumentation.genai.StreamRegistry;

/** Reads google-genai's responses and Live API messages: model version, token counts and turn ends only. */
public final class GoogleGenAiAdapter implements GenAiAdapter {

    @Override
    public String component() {
        return "genai.googlegenai";
    }

    @Override
    public void onStart(GenAiCall call, Object client, Object request) {
        call.provider(((ApiClient) client).vertexAI() ? "gcp.vertex_ai" : "gcp.gemini");
        call.requestModel((String) request);
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof GenerateContentResponse) {
            read(call, (GenerateContentResponse) result);
        }
        // EmbedContentResponse carries no token counts on the Gemini API
    }

    private static void read(GenAiCall call, GenerateContentResponse response) {
        GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElse(null);
        if (usage != null) {
            Integer prompt = usage.promptTokenCount().orElse(null);
            if (prompt != null) {
                call.inputTokens(prompt);
            }
            Integer candidates = usage.candidatesTokenCount().orElse(null);
            if (candidates != null) {
                call.outputTokens(candidates);
            }
        }
        call.responseModel(response.modelVersion().orElse(null));
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof ResponseStream) {
            // a concrete class: followed through its own iterator() and close(), not wrapped
            StreamRegistry.register(result, call);
            return result;
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        if (event instanceof GenerateContentResponse) {
            GenerateContentResponse chunk = (GenerateContentResponse) event;
            if (chunk.candidates().map(c -> !c.isEmpty()).orElse(false)) {
                call.chunk();
            }
            // every chunk carries the usage so far; the last one wins
            read(call, chunk);
        }
    }

    @Override
    public void onSessionStart(GenAiSession session, Object client, Object model) {
        session.provider(((ApiClient) client).vertexAI() ? "gcp.vertex_ai" : "gcp.gemini");
        session.requestModel((String) model);
    }

    /**
     * A Live API server message: output (the model's turn, or the transcription of its audio), the usage
     * metadata, and the end of the turn, in that order, so a message carrying all three counts for its turn.
     * Only presence is read; no text, audio or transcript.
     */
    @Override
    public void onSessionMessage(GenAiSession session, Object message) {
        if (!(message instanceof LiveServerMessage)) {
            return;
        }
        LiveServerMessage live = (LiveServerMessage) message;
        LiveServerContent content = live.serverContent().orElse(null);
        if (content != null
                && (content.modelTurn().isPresent()
                        || content.outputTranscription().isPresent())) {
            session.outputChunk();
        }
        UsageMetadata usage = live.usageMetadata().orElse(null);
        if (usage != null) {
            session.usage(
                    usage.promptTokenCount().orElse(-1),
                    usage.responseTokenCount().orElse(-1));
        }
        if (content != null && content.turnComplete().orElse(false)) {
            session.turnComplete();
        }
    }

    /** One exception class for every 4xx (ClientException) says too little: the HTTP status, "429". */
    @Override
    public String errorType(Throwable failure) {
        return failure instanceof ApiException ? Integer.toString(((ApiException) failure).code()) : null;
    }
}
