package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http2ServerStream.onClose()}: the stream is closed, always, however it ended. A stream still in flight
 * here was closed without a reset read or an exception (the application reset it): recorded with
 * {@code error_type} {@code io.vertx.core.http.StreamResetException}, so that no stream stays active.
 */
public final class StreamClosedAdvice {

    private StreamClosedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("request") Object handler) {
        if (handler instanceof HttpServerRequest) {
            HttpServerResponse response = ((HttpServerRequest) handler).response();
            int status = response.headWritten() ? response.getStatusCode() : 0;
            VertxHooks.streamReset(response, status, null, VertxHooks.STREAM_RESET);
        }
    }
}
