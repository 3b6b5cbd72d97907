package dev.autoprom.instrumentation.http.vertx;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Vert.x Web (4.5 and 5): the exception a route failed with, for the request's {@code error_type}. The route itself
 * comes through Vert.x core ({@code routed}, see {@link VertxInstrumentation}); nothing is recorded here.
 */
public final class VertxWebInstrumentation extends LibraryInstrumentation {

    private static final String CONTEXT = "io.vertx.ext.web.impl.RoutingContextImpl";

    public VertxWebInstrumentation() {
        super("http", "vertx-web", Targets.named(CONTEXT));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                CONTEXT,
                named("fail")
                        .and(takesArguments(2))
                        .and(takesArgument(0, int.class))
                        .and(takesArgument(1, Throwable.class)),
                "dev.autoprom.instrumentation.http.vertx.RouteFailureAdvice");
    }
}
