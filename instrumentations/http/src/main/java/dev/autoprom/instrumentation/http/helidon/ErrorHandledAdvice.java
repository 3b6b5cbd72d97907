package dev.autoprom.instrumentation.http.helidon;

import net.bytebuddy.asm.Advice;

/**
 * {@code ErrorHandlers.handleError(..)} / {@code unhandledError(..)}: an exception thrown while routing (by a
 * handler or a filter) is being turned into a response; lent to the request on this thread.
 */
public final class ErrorHandledAdvice {

    private ErrorHandledAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(3) Throwable thrown) {
        HelidonHooks.errorHandled(thrown);
    }
}
