package dev.autoprom.instrumentation.genai.googlegenai;

import net.bytebuddy.asm.Advice;

/** The listener's {@code send(String)}, which every message of the application goes through. */
public final class LiveSendAdvice {

    private LiveSendAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object listener) {
        GoogleLiveHooks.sent(listener);
    }
}
