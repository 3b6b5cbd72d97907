package dev.autoprom.instrumentation.httpclient.apache5;

import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;

/**
 * {@code MinimalHttpAsyncClient/MinimalH2AsyncClient.execute(exchangeHandler, pushHandlerFactory, context)}: the
 * one request of a minimal async client; its handler is wrapped to see the request, its response and its end.
 */
public final class MinimalAsyncAdvice {

    private MinimalAsyncAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 0, readOnly = false) AsyncClientExchangeHandler handler) {
        handler =
                (AsyncClientExchangeHandler) Apache5AsyncHooks.wrapExchange(AsyncClientExchangeHandler.class, handler);
    }
}
