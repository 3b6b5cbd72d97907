package dev.autoprom.instrumentation.genai.googlegenai;

import com.google.genai.ApiClient;
import net.bytebuddy.asm.Advice;

/** The constructor of the SDK's per-session WebSocket listener: the session starts. */
public final class LiveListenerCreatedAdvice {

    private LiveListenerCreatedAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This Object listener, @Advice.Argument(4) Object apiClient) {
        GoogleLiveHooks.created(GoogleGenAiInstrumentation.ADAPTER.get(ApiClient.class), listener, apiClient);
    }
}
