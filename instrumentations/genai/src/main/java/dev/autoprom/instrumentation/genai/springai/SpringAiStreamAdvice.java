package dev.autoprom.instrumentation.genai.springai;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.springframework.ai.model.ModelRequest;

/**
 * Around a Spring AI model's {@code stream(Prompt)}: the returned Flux is returned with side-effect-only hooks
 * (doOnNext/doOnError/doOnComplete/doOnCancel) that follow it; it emits exactly what it did before.
 */
public final class SpringAiStreamAdvice {

    private SpringAiStreamAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(@Advice.This Object model, @Advice.Argument(0) Object prompt) {
        return GenAiHooks.enter(SpringAiInstrumentation.ADAPTER.get(ModelRequest.class), model, prompt);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object flux,
            @Advice.Thrown Throwable thrown) {
        flux = GenAiHooks.exit(call, flux, thrown);
    }
}
