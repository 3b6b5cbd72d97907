package dev.autoprom.instrumentation.genai.langchain4j;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import dev.langchain4j.model.chat.ChatModel;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Around a LangChain4j streaming model's {@code doChat(request, handler)}: the handler is wrapped (same calls,
 * same order) so that chunks and the final response or error end the operation, whichever thread they come on.
 */
public final class LangChain4jStreamingAdvice {

    private LangChain4jStreamingAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(
            @Advice.This Object model,
            @Advice.Argument(0) Object request,
            @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handler) {
        GenAiCall call = GenAiHooks.enter(LangChain4jInstrumentation.ADAPTER.get(ChatModel.class), model, request);
        handler = GenAiHooks.wrapCallback(call, handler);
        return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter GenAiCall call, @Advice.Thrown Throwable thrown) {
        GenAiHooks.exitOpen(call, thrown);
    }
}
