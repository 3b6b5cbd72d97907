package dev.autoprom.instrumentation.genai.openai.bridge;

import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.core.ClientOptions;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.ResponsesModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;

/** Reads the OpenAI SDK's params, results and stream events: model names and token counts only. */
public final class OpenAiAdapter implements GenAiAdapter {

    @Override
    public String component() {
        return "genai.openai";
    }

    @Override
    public void onStart(GenAiCall call, Object client, Object request) {
        call.provider(isAzure((ClientOptions) client) ? "azure.ai.openai" : "openai");
        if (request instanceof ChatCompletionCreateParams) {
            call.operation(GenAiMetricNames.CHAT);
            call.requestModel(((ChatCompletionCreateParams) request).model().asString());
        } else if (request instanceof EmbeddingCreateParams) {
            call.operation(GenAiMetricNames.EMBEDDINGS);
            call.requestModel(((EmbeddingCreateParams) request).model().asString());
        } else if (request instanceof ResponseCreateParams) {
            // the responses API is a chat operation in the OpenTelemetry conventions
            call.operation(GenAiMetricNames.CHAT);
            ResponsesModel model = ((ResponseCreateParams) request).model().orElse(null);
            call.requestModel(model == null ? null : name(model));
        }
    }

    /** Azure OpenAI: an Azure API-key credential, or an Azure host in the base URL. */
    private static boolean isAzure(ClientOptions options) {
        if (options.credential() instanceof AzureApiKeyCredential) {
            return true;
        }
        String url = options.baseUrl();
        return url.contains(".azure.com") || url.contains(".azure-api.net");
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof ChatCompletion) {
            ChatCompletion completion = (ChatCompletion) result;
            usage(call, completion.usage().orElse(null));
            call.responseModel(completion.model());
        } else if (result instanceof CreateEmbeddingResponse) {
            CreateEmbeddingResponse response = (CreateEmbeddingResponse) result;
            call.inputTokens(response.usage().promptTokens());
            call.responseModel(response.model());
        } else if (result instanceof Response) {
            response(call, (Response) result);
        }
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof StreamResponse) {
            return new TrackedStreamResponse<>((StreamResponse<?>) result, call);
        }
        if (result instanceof AsyncStreamResponse) {
            return new TrackedAsyncStreamResponse<>((AsyncStreamResponse<?>) result, call);
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        if (event instanceof ChatCompletionChunk) {
            ChatCompletionChunk chunk = (ChatCompletionChunk) event;
            if (!chunk.choices().isEmpty()) {
                call.chunk();
            }
            // sent in the last chunk when the request asks for it (stream_options.include_usage)
            usage(call, chunk.usage().orElse(null));
            call.responseModel(chunk.model());
        } else if (event instanceof ResponseStreamEvent) {
            ResponseStreamEvent streamEvent = (ResponseStreamEvent) event;
            if (streamEvent.isOutputTextDelta()) {
                call.chunk();
            } else if (streamEvent.isCompleted()) {
                response(call, streamEvent.asCompleted().response());
            } else if (streamEvent.isIncomplete()) {
                response(call, streamEvent.asIncomplete().response());
            }
        }
    }

    private static void response(GenAiCall call, Response response) {
        ResponseUsage usage = response.usage().orElse(null);
        if (usage != null) {
            call.inputTokens(usage.inputTokens());
            call.outputTokens(usage.outputTokens());
            // part of input_tokens; read through the raw field, which is empty rather than throwing when absent
            usage._inputTokensDetails()
                    .asKnown()
                    .ifPresent(details -> call.cachedInputTokens(details.cachedTokens(), true));
        }
        call.responseModel(name(response.model()));
    }

    private static void usage(GenAiCall call, CompletionUsage usage) {
        if (usage != null) {
            call.inputTokens(usage.promptTokens());
            call.outputTokens(usage.completionTokens());
            // cached_tokens are part of prompt_tokens
            usage.promptTokensDetails()
                    .flatMap(details -> details.cachedTokens())
                    .ifPresent(cached -> call.cachedInputTokens(cached, true));
        }
    }

    private static String name(ResponsesModel model) {
        if (model.isString()) {
            return model.asString();
        }
        if (model.isChat()) {
            return model.asChat().asString();
        }
        return model.isOnly() ? model.asOnly().asString() : null;
    }
}
