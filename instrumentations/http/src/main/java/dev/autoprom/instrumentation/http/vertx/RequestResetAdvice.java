package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http1xServerRequest.handleException(Throwable)}: the connection failed or closed under the request
 * ({@code HttpClosedException} when the client hung up). Recorded with the status already sent, if any, and the
 * exception as {@code error_type}, unless its response had already completed.
 */
public final class RequestResetAdvice {

    private RequestResetAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This HttpServerRequest request, @Advice.Argument(0) Throwable cause) {
        HttpServerResponse response = request.response();
        int status = response != null && response.headWritten() ? response.getStatusCode() : 0;
        VertxHooks.reset(request.connection(), request, status, cause);
    }
}
