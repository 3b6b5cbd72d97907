package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.bytebuddy.asm.Advice;

/**
 * The stream ends without its response having ended, in both of the ways Vert.x has for it:
 *
 * <ul>
 *   <li>{@code Http2ServerStream.handleReset(long)}: the client reset the stream (RST_STREAM). Recorded, unless its
 *       response had already ended, with the status already sent and {@code error_type}
 *       {@code io.vertx.core.http.StreamResetException}, the exception Vert.x gives the request's handler.
 *   <li>{@code Http2ServerStream.onClose()}: the stream is closed, always, however it ended. A stream still in
 *       flight here was closed without a reset read or an exception (the application reset it): recorded the
 *       same way, so that no stream stays active.
 * </ul>
 */
public final class StreamResetAdvice {

    private StreamResetAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("request") Object handler) {
        if (handler instanceof HttpServerRequest) {
            HttpServerResponse response = ((HttpServerRequest) handler).response();
            int status = response.headWritten() ? response.getStatusCode() : 0;
            VertxHooks.streamReset(response, status, null, VertxHooks.STREAM_RESET);
        }
    }
}
