package dev.autoprom.instrumentation.genai.bedrock;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Around the async client's {@code converseStream} / {@code invokeModelWithResponseStream}: the application's
 * response handler is replaced by a delegating one (same calls, same order, the same events from a publisher that
 * only looks at them), which sees the events and the end of the stream. The returned future is unchanged; its
 * failure ends the operation too, should the SDK fail before the handler hears of it.
 */
public final class BedrockStreamAdvice {

    private BedrockStreamAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(
            @Advice.Argument(0) Object request,
            @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handler) {
        GenAiCall call =
                GenAiHooks.enter(BedrockInstrumentation.ADAPTER.get(BedrockRuntimeClient.class), null, request);
        handler = GenAiHooks.wrapCallback(call, handler);
        return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call, @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
        GenAiHooks.exit(call, result, thrown);
    }
}
