package dev.autoprom.instrumentation.http.webflux;

import net.bytebuddy.asm.Advice;

/** After {@code HttpWebHandlerAdapter.createExchange(request, response)}: lend the new exchange. */
public final class CreateExchangeAdvice {

    private CreateExchangeAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Origin Class<?> adapter, @Advice.Return Object exchange) {
        WebFluxHooks.exchangeCreated(adapter, exchange);
    }
}
