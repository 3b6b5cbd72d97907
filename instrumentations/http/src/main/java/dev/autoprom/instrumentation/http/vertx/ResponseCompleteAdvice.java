package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http1xServerConnection.responseComplete()}: the response of the request in progress has been written
 * (called again on the event loop when the response ended on another thread: the second call finds it ended).
 */
public final class ResponseCompleteAdvice {

    private ResponseCompleteAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.This Object connection, @Advice.FieldValue("responseInProgress") HttpServerRequest request) {
        if (request != null) {
            VertxHooks.complete(connection, request, request.response().getStatusCode());
        }
    }
}
