package dev.autoprom.instrumentation.genai.googlegenai;

import com.google.genai.ApiClient;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;
import net.bytebuddy.asm.Advice;

/** Around {@code generateContent}/{@code generateContentStream}: a response, a future, or a stream. */
public final class GoogleGenerateAdvice {

    private GoogleGenerateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static GenAiCall enter(@Advice.FieldValue("apiClient") Object apiClient, @Advice.Argument(0) String model) {
        return GenAiHooks.enter(
                GoogleGenAiInstrumentation.ADAPTER.get(ApiClient.class),
                apiClient,
                model,
                GenAiMetricNames.GENERATE_CONTENT);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(
            @Advice.Enter GenAiCall call, @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
        // a ResponseStream is returned as it is: the adapter registers it (StreamRegistry)
        GenAiHooks.exit(call, result, thrown);
    }
}
