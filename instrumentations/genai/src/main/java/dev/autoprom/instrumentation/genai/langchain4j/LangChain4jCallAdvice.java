package dev.autoprom.instrumentation.genai.langchain4j;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import dev.langchain4j.model.chat.ChatModel;
import net.bytebuddy.asm.Advice;

/** Around a LangChain4j model's blocking {@code doChat}, {@code doEmbed} or {@code embedAll}. */
public final class LangChain4jCallAdvice {

    private LangChain4jCallAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(@Advice.This Object model, @Advice.Argument(0) Object request) {
        return GenAiHooks.enter(LangChain4jInstrumentation.ADAPTER.get(ChatModel.class), model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call, @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
        GenAiHooks.exit(call, result, thrown);
    }
}
