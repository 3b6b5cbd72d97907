package dev.autoprom.instrumentation.genai.bedrock;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import net.bytebuddy.asm.Advice;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Around {@code converse} / {@code invokeModel}: the blocking client's result, or the async client's future
 * (recorded when it completes; the future itself is returned unchanged).
 */
public final class BedrockCallAdvice {

    private BedrockCallAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(@Advice.Argument(0) Object request) {
        return GenAiHooks.enter(BedrockInstrumentation.ADAPTER.get(BedrockRuntimeClient.class), null, request);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call, @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
        // neither result is a stream, so exit returns the same object: nothing is written back
        GenAiHooks.exit(call, result, thrown);
    }
}
