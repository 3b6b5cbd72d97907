package dev.autoprom.instrumentation.genai.langchain4j.bridge;

import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;

/** Reads LangChain4j's requests and responses: the provider underneath, model names and token counts only. */
public final class LangChain4jAdapter implements GenAiAdapter {

    @Override
    public String component() {
        return "genai.langchain4j";
    }

    @Override
    public void onStart(GenAiCall call, Object model, Object request) {
        if (request instanceof ChatRequest) {
            call.operation(GenAiMetricNames.CHAT);
            call.requestModel(((ChatRequest) request).modelName());
            if (model instanceof ChatModel) {
                call.provider(provider(((ChatModel) model).provider()));
            } else if (model instanceof StreamingChatModel) {
                call.provider(provider(((StreamingChatModel) model).provider()));
            }
        } else if (model instanceof EmbeddingModel) {
            EmbeddingModel embeddingModel = (EmbeddingModel) model;
            call.operation(GenAiMetricNames.EMBEDDINGS);
            call.provider(provider(embeddingModel.provider()));
            String name = request instanceof EmbeddingRequest ? ((EmbeddingRequest) request).modelName() : null;
            call.requestModel(name != null ? name : embeddingModel.modelName());
        }
    }

    /** LangChain4j's provider enum in the OpenTelemetry spelling; a constant not known here is lower-cased. */
    static String provider(ModelProvider provider) {
        if (provider == null) {
            return "";
        }
        switch (provider.name()) {
            case "OPEN_AI":
                return "openai";
            case "AZURE_OPEN_AI":
                return "azure.ai.openai";
            case "ANTHROPIC":
                return "anthropic";
            case "GOOGLE_AI_GEMINI":
                return "gcp.gemini";
            case "GOOGLE_GENAI":
                return "gcp.gen_ai";
            case "GOOGLE_VERTEX_AI_GEMINI":
            case "GOOGLE_VERTEX_AI_ANTHROPIC":
                return "gcp.vertex_ai";
            case "AMAZON_BEDROCK":
                return "aws.bedrock";
            case "MISTRAL_AI":
                return "mistral_ai";
            case "WATSONX":
                return "ibm.watsonx.ai";
            case "MICROSOFT_FOUNDRY":
                return "azure.ai.inference";
            case "GITHUB_MODELS":
                return "github";
            default:
                return provider.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof ChatResponse) {
            ChatResponse response = (ChatResponse) result;
            usage(call, response.tokenUsage());
            call.responseModel(response.modelName());
        } else if (result instanceof EmbeddingResponse) {
            EmbeddingResponse response = (EmbeddingResponse) result;
            usage(call, response.tokenUsage());
            call.responseModel(response.modelName());
        } else if (result instanceof Response) {
            usage(call, ((Response<?>) result).tokenUsage());
        }
    }

    private static void usage(GenAiCall call, TokenUsage usage) {
        if (usage == null) {
            return;
        }
        if (usage.inputTokenCount() != null) {
            call.inputTokens(usage.inputTokenCount());
        }
        if (usage.outputTokenCount() != null) {
            call.outputTokens(usage.outputTokenCount());
        }
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof StreamingChatResponseHandler) {
            return new TrackedStreamingHandler((StreamingChatResponseHandler) result, call);
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        // the handler wrapper reports chunks itself
    }
}
