package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http1xServerRequest.handleBegin(..)}: the request now owns its connection's response (the first of a
 * connection at once, a pipelined one when the previous response is complete). A request line Netty could not
 * decode goes to Vert.x's invalid-request handler (400): the server's own rejection, not a request.
 */
public final class RequestBeginAdvice {

    private RequestBeginAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.This HttpServerRequest request) {
        if (request.decoderResult().isSuccess()) {
            VertxHooks.begin(request.connection(), request, request.method().name(), request.isSSL());
        }
    }
}
