package com.example.lc4j;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * An application's own LangChain4j ChatModel on top of the (also instrumented) OpenAI SDK: the case where a
 * framework calls an instrumented SDK. Outside {@code dev.autoprom.*}, which the agent never instruments.
 */
public final class SdkBackedChatModel implements ChatModel {

    /** Appended to the response model, so a test can tell that this layer (not the SDK's) recorded. */
    public static final String VIA_APP = "-via-app";

    private final OpenAIClient client;
    private final String model;

    public SdkBackedChatModel(OpenAIClient client, String model) {
        this.client = client;
        this.model = model;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return ChatRequestParameters.builder().modelName(model).build();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OPEN_AI;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model(request.modelName())
                        .addUserMessage(request.messages().get(0).toString())
                        .build());
        CompletionUsage usage = completion.usage().orElseThrow();
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(
                        completion.choices().get(0).message().content().orElse("")))
                .modelName(completion.model() + VIA_APP)
                .tokenUsage(new TokenUsage((int) usage.promptTokens(), (int) usage.completionTokens()))
                .build();
    }
}
