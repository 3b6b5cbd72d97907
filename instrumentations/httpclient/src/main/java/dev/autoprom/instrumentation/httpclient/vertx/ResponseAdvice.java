package dev.autoprom.instrumentation.httpclient.vertx;

import io.vertx.core.http.HttpClientResponse;
import net.bytebuddy.asm.Advice;

/** {@code HttpClientRequestImpl.handleResponse(promise, response, timeout)}: the response's head arrived. */
public final class ResponseAdvice {

    private ResponseAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object request, @Advice.Argument(1) HttpClientResponse response) {
        VertxClientHooks.responded(request, response.statusCode());
    }
}
