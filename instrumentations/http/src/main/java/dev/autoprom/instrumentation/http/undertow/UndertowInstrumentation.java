package dev.autoprom.instrumentation.http.undertow;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Undertow core {@code HttpHandler}s without the servlet layer (2.x): from the first root-handler call of an
 * exchange to its completion, or to the failed write of a client that hung up. Exchanges Undertow's servlet layer
 * takes are left to the {@code servlet} instrumentation ({@link UndertowServletInstrumentation} marks them).
 */
public final class UndertowInstrumentation extends LibraryInstrumentation {

    static final String EXCHANGE = "io.undertow.server.HttpServerExchange";
    private static final String CONNECTORS = "io.undertow.server.Connectors";
    private static final String SENDER = "io.undertow.io.AsyncSenderImpl";
    private static final String ADVICE = "dev.autoprom.instrumentation.http.undertow.";

    public UndertowInstrumentation() {
        super("http", "undertow", Targets.named(CONNECTORS, EXCHANGE, SENDER));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                CONNECTORS,
                named("executeRootHandler")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("io.undertow.server.HttpHandler")))
                        .and(takesArgument(1, named(EXCHANGE))),
                ADVICE + "RootHandlerAdvice");
        target.advise(
                EXCHANGE,
                named("invokeExchangeCompleteListeners").and(takesArguments(0)),
                ADVICE + "ExchangeCompleteAdvice");
        target.advise(
                SENDER,
                named("invokeOnException").and(takesArguments(2)).and(takesArgument(1, java.io.IOException.class)),
                ADVICE + "SendFailedAdvice");
    }
}
