package dev.autoprom.instrumentation.http.undertow;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Undertow's servlet layer: marks the exchanges its {@code ServletInitialHandler} takes, so that the Undertow core
 * instrumentation stays out of what the {@code servlet} instrumentation records. Records nothing itself.
 */
public final class UndertowServletInstrumentation extends LibraryInstrumentation {

    private static final String HANDLER = "io.undertow.servlet.handlers.ServletInitialHandler";

    public UndertowServletInstrumentation() {
        super("http", "undertow-servlet", Targets.named(HANDLER));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                HANDLER,
                named("handleRequest")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named(UndertowInstrumentation.EXCHANGE))),
                "dev.autoprom.instrumentation.http.undertow.ServletHandlerAdvice");
    }
}
