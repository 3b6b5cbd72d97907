package dev.autoprom.instrumentation.http.undertow;

import io.undertow.server.HttpServerExchange;
import net.bytebuddy.asm.Advice;

/** {@code ServletInitialHandler.handleRequest(exchange)}: the servlet layer takes the exchange (and records it). */
public final class ServletHandlerAdvice {

    private ServletHandlerAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) HttpServerExchange exchange) {
        UndertowHooks.servlet(exchange.getConnection(), exchange);
    }
}
