package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * After {@code Http2ServerStream.registerMetrics()}: the stream's request headers were read and it is about to be
 * dispatched (where Vert.x calls its metrics SPI's {@code requestBegin}). A server push also registers here; its
 * handler is no request and is skipped. A malformed request is reset by Vert.x before this point: not a request.
 */
public final class StreamBeginAdvice {

    private StreamBeginAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.FieldValue("request") Object handler) {
        if (handler instanceof HttpServerRequest) {
            HttpServerRequest request = (HttpServerRequest) handler;
            VertxHooks.streamBegin(request.response(), request.method().name(), request.isSSL());
        }
    }
}
