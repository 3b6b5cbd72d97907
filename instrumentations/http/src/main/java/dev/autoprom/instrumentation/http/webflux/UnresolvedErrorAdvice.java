package dev.autoprom.instrumentation.http.webflux;

import net.bytebuddy.asm.Advice;

/** On entry to {@code HttpWebHandlerAdapter.handleUnresolvedError(exchange, [context,] throwable)}. */
public final class UnresolvedErrorAdvice {

    private UnresolvedErrorAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> adapter, @Advice.AllArguments Object[] arguments) {
        WebFluxHooks.unresolvedError(adapter, arguments[0], arguments[arguments.length - 1]);
    }
}
