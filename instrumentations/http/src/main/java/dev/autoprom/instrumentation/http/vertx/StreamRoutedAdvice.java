package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http2ServerStream.routed(String)} (which {@code Http2ServerRequest.routed} calls): Vert.x Web names the
 * route it runs for the stream's request, as on HTTP/1.x.
 */
public final class StreamRoutedAdvice {

    private StreamRoutedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("request") Object handler, @Advice.Argument(0) String route) {
        if (handler instanceof HttpServerRequest) {
            VertxHooks.streamRouted(((HttpServerRequest) handler).response(), route);
        }
    }
}
