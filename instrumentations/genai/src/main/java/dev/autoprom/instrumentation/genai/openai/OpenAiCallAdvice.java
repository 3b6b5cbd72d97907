package dev.autoprom.instrumentation.genai.openai;

import com.openai.core.ClientOptions;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Around an OpenAI service's {@code create}/{@code createStreaming}: a result, a future or a stream. */
public final class OpenAiCallAdvice {

    private OpenAiCallAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(
            @Advice.FieldValue("clientOptions") Object clientOptions, @Advice.Argument(0) Object params) {
        return GenAiHooks.enter(OpenAiInstrumentation.ADAPTER.get(ClientOptions.class), clientOptions, params);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object result,
            @Advice.Thrown Throwable thrown) {
        // the same object, except a stream, which is returned wrapped so that its end can be seen
        result = GenAiHooks.exit(call, result, thrown);
    }
}
