package dev.autoprom.instrumentation.genai.springai;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import net.bytebuddy.asm.Advice;
import org.springframework.ai.model.ModelRequest;

/** Around a Spring AI model's blocking {@code call(Prompt)} / {@code call(EmbeddingRequest)}. */
public final class SpringAiCallAdvice {

    private SpringAiCallAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(@Advice.This Object model, @Advice.Argument(0) Object request) {
        return GenAiHooks.enter(SpringAiInstrumentation.ADAPTER.get(ModelRequest.class), model, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call, @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
        GenAiHooks.exit(call, result, thrown);
    }
}
