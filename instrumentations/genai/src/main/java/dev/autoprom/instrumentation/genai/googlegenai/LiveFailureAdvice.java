package dev.autoprom.instrumentation.genai.googlegenai;

import net.bytebuddy.asm.Advice;

/** The listener's {@code onFailure(webSocket, throwable, response)}: the socket failed or could not open. */
public final class LiveFailureAdvice {

    private LiveFailureAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object listener, @Advice.Argument(1) Throwable failure) {
        GoogleLiveHooks.failed(listener, failure);
    }
}
