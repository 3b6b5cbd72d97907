package dev.autoprom.instrumentation.genai.googlegenai;

import net.bytebuddy.asm.Advice;

/** {@code AsyncLive.connect(model, config)}: names the model of the session whose listener it creates. */
public final class LiveConnectAdvice {

    private LiveConnectAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) String model) {
        GoogleLiveHooks.connecting(model);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit() {
        GoogleLiveHooks.connectDone();
    }
}
