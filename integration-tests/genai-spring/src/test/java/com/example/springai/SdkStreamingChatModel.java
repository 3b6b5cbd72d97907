package com.example.springai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * An application's own Spring AI streaming model over the (instrumented) OpenAI SDK, reactive style: the SDK is
 * called when the Flux is subscribed, after {@code stream()} has returned.
 */
public final class SdkStreamingChatModel implements StreamingChatModel {

    private final OpenAIClient client;

    public SdkStreamingChatModel(OpenAIClient client) {
        this.client = client;
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(prompt.getOptions().getModel())
                .addUserMessage(prompt.getContents())
                .build();
        return Flux.defer(() -> {
            StreamResponse<ChatCompletionChunk> sdkStream =
                    client.chat().completions().createStreaming(params);
            return Flux.fromStream(sdkStream.stream())
                    .filter(chunk -> !chunk.choices().isEmpty())
                    .map(chunk -> new ChatResponse(List.of(new Generation(new AssistantMessage(
                            chunk.choices().get(0).delta().content().orElse(""))))))
                    .doFinally(signal -> sdkStream.close());
        });
    }
}
