package dev.autoprom.instrumentation.http.quarkus;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Quarkus REST (RESTEasy Reactive) on Vert.x: the matched resource's {@code @Path} template and the exception a
 * resource threw, lent to the Vert.x request ({@link dev.autoprom.instrumentation.http.vertx.VertxHooks}), which
 * records it once. The resource method may run on a worker thread; the match is made before that hop.
 */
public final class QuarkusRestInstrumentation extends LibraryInstrumentation {

    private static final String CONTEXT = "org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext";
    private static final String BASE = "org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext";
    private static final String ENTRY = "org.jboss.resteasy.reactive.server.handlers.RestInitialHandler";
    private static final String ADVICE = "dev.autoprom.instrumentation.http.quarkus.";

    public QuarkusRestInstrumentation() {
        super("http", "quarkus-rest", Targets.named(ENTRY, CONTEXT, BASE));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                ENTRY,
                named("handle").and(takesArguments(1)).and(takesArgument(0, named(CONTEXT))),
                ADVICE + "RestEntryAdvice");
        target.advise(
                CONTEXT,
                named("restart")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("org.jboss.resteasy.reactive.server.mapping.RuntimeResource")))
                        .and(takesArgument(1, boolean.class)),
                ADVICE + "ResourceMatchedAdvice");
        target.advise(
                BASE,
                named("handleException")
                        .and(takesArguments(2))
                        .and(takesArgument(0, Throwable.class))
                        .and(takesArgument(1, boolean.class)),
                ADVICE + "ResourceFailedAdvice");
    }
}
