package dev.autoprom.instrumentation.http.vertx;

import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code Http1xServerRequest.routed(String)}: Vert.x Web tells the server (for its metrics SPI) the name of each
 * route it runs, by default the path as the application wrote it ({@code /items/:id}) or the regex; never the
 * request's own path.
 */
public final class RoutedAdvice {

    private RoutedAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This HttpServerRequest request, @Advice.Argument(0) String route) {
        VertxHooks.routed(request.connection(), route);
    }
}
