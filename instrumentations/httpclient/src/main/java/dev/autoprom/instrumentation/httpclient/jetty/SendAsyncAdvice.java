package dev.autoprom.instrumentation.httpclient.jetty;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.Request;

/** {@code HttpRequest.sendAsync(destination, listener)}: one request about to be queued for its destination. */
public final class SendAsyncAdvice {

    private SendAsyncAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(@Advice.This Request request) {
        return JettyClientHooks.sending(
                Request.class, request, request.getHost(), request.getPort(), request.getScheme(), request.getMethod());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object exchange, @Advice.Thrown Throwable thrown) {
        JettyClientHooks.sent(exchange, thrown);
    }
}
