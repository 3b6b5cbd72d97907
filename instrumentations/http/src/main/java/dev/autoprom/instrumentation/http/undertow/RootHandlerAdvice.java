package dev.autoprom.instrumentation.http.undertow;

import io.undertow.server.HttpServerExchange;
import net.bytebuddy.asm.Advice;

/**
 * {@code Connectors.executeRootHandler(HttpHandler, HttpServerExchange)}: every exchange's handler chain starts
 * here (and every re-dispatch of it). An exception the chain throws is caught inside and left as the exchange's
 * {@code DefaultResponseListener.EXCEPTION} attachment, read when it completes.
 */
public final class RootHandlerAdvice {

    private RootHandlerAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(1) HttpServerExchange exchange) {
        UndertowHooks.rootHandler(
                exchange.getConnection(),
                exchange,
                exchange.getRequestMethod().toString(),
                "https".equals(exchange.getRequestScheme()));
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Argument(1) HttpServerExchange exchange) {
        UndertowHooks.rootHandlerReturned(exchange.getConnection(), exchange);
    }
}
