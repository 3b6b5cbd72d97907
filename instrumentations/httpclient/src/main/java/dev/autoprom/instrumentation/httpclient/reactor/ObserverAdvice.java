package dev.autoprom.instrumentation.httpclient.reactor;

import net.bytebuddy.asm.Advice;

/** {@code HttpClientConnect.HttpObserver(sink, handler)}: the observer of one attempt, made on the attempt's thread. */
public final class ObserverAdvice {

    private ObserverAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Argument(0) Object sink) {
        ReactorNettyHooks.observing(sink);
    }
}
