package dev.autoprom.instrumentation.httpclient.reactor;

import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientHandler.requestWithBody(operations)}: the attempt's request is written on this thread, by the
 * application's send function (Spring's {@code WebClient} lends its template there: {@code WebClientAdvice}).
 */
public final class RequestWriteAdvice {

    private RequestWriteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Object handler) {
        return ReactorNettyHooks.writing(handler);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object previous) {
        ReactorNettyHooks.written(previous);
    }
}
