package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http2ServerStream.endWritten()}: the end of the stream's response has been written (Vert.x's
 * {@code responseEnd}); on the connection's event loop, wherever the application ended the response.
 */
public final class StreamEndAdvice {

    private StreamEndAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("request") Object handler) {
        if (handler instanceof HttpServerRequest) {
            HttpServerResponse response = ((HttpServerRequest) handler).response();
            VertxHooks.streamComplete(response, response.getStatusCode());
        }
    }
}
