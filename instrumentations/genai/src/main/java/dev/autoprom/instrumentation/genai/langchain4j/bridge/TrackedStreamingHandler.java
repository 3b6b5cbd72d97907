package dev.autoprom.instrumentation.genai.langchain4j.bridge;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import dev.autoprom.instrumentation.genai.TrackedWrapper;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * The application's streaming handler, with every callback forwarded unchanged (each to the same method, so a
 * handler overriding only one overload behaves as before). Partial responses count as output chunks; the
 * complete response ends the operation with its usage, an error ends it with its type.
 */
final class TrackedStreamingHandler extends TrackedWrapper<StreamingChatResponseHandler>
        implements StreamingChatResponseHandler {

    TrackedStreamingHandler(StreamingChatResponseHandler delegate, GenAiCall call) {
        super(delegate, call);
    }

    @Override
    public void onPartialResponse(String partialResponse) {
        call.chunk();
        delegate.onPartialResponse(partialResponse);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        call.chunk();
        delegate.onPartialResponse(partialResponse, context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
        delegate.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        delegate.onPartialThinking(partialThinking, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        delegate.onPartialToolCall(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
        delegate.onPartialToolCall(partialToolCall, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        delegate.onCompleteToolCall(completeToolCall);
    }

    @Override
    public void onUnmappedRawEvent(Object event) {
        delegate.onUnmappedRawEvent(event);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        GenAiHooks.completeCallback(call, completeResponse);
        delegate.onCompleteResponse(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        call.end(error);
        delegate.onError(error);
    }
}
