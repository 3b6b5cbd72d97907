package dev.autoprom.instrumentation.genai.googlegenai;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The listener's {@code setMessageCallback(Consumer)} (from {@code AsyncSession.receive}): the callback is wrapped. */
public final class LiveCallbackAdvice {

    private LiveCallbackAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.This Object listener,
            @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object callback) {
        callback = GoogleLiveHooks.callback(listener, callback);
    }
}
