package dev.autoprom.instrumentation.genai.googlegenai;

import net.bytebuddy.asm.Advice;

/** The listener's {@code onClosed(webSocket, code, reason)}: the session ended with a close code. */
public final class LiveClosedAdvice {

    private LiveClosedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object listener, @Advice.Argument(1) int code) {
        GoogleLiveHooks.closed(listener, code);
    }
}
