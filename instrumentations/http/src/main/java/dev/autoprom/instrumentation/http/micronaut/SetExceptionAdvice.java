package dev.autoprom.instrumentation.http.micronaut;

import net.bytebuddy.asm.Advice;

/** After {@code RouteAttributes.setException(response, throwable)}: an error response for this exception. */
public final class SetExceptionAdvice {

    private SetExceptionAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Argument(1) Throwable thrown) {
        MicronautHooks.errorHandled(thrown);
    }
}
