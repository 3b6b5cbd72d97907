package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http2ServerStream.handleException(Throwable)}: the stream failed under its request: its connection closed
 * ({@code io.vertx.core.http.HttpClosedException}) or failed, or a stream error. Recorded with the exception as
 * {@code error_type}, unless the response had already ended.
 */
public final class StreamFailedAdvice {

    private StreamFailedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("request") Object handler, @Advice.Argument(0) Throwable cause) {
        if (handler instanceof HttpServerRequest) {
            HttpServerResponse response = ((HttpServerRequest) handler).response();
            int status = response.headWritten() ? response.getStatusCode() : 0;
            VertxHooks.streamReset(response, status, cause, VertxHooks.STREAM_RESET);
        }
    }
}
