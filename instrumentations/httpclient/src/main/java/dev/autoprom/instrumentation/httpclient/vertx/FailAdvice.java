package dev.autoprom.instrumentation.httpclient.vertx;

import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientRequestBase.fail(cause)}: the request failed (its stream's exception, a reset by the
 * application, its timeout); after its response, already recorded and ignored.
 */
public final class FailAdvice {

    private FailAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object request, @Advice.Argument(0) Throwable cause) {
        VertxClientHooks.failed(request, cause);
    }
}
