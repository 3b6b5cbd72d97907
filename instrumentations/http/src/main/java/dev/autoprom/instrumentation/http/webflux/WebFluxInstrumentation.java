package dev.autoprom.instrumentation.http.webflux;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring WebFlux, on whatever server runs it: each exchange {@code HttpWebHandlerAdapter} creates is lent to the
 * server request being recorded on that thread (the Netty pipeline under Reactor Netty, the servlet on Tomcat,
 * Jetty or Undertow), which reads the route and the exception from the exchange's attributes when the response
 * completes: the best-matching {@code PathPattern} that annotated controllers and functional {@code
 * RouterFunction}s both leave there, and the exception {@code ExceptionHandlingWebHandler} handed to the error
 * handlers. Records nothing itself.
 */
public final class WebFluxInstrumentation extends LibraryInstrumentation {

    static final String ADAPTER = "org.springframework.web.server.adapter.HttpWebHandlerAdapter";

    public WebFluxInstrumentation() {
        super("http", "webflux", Targets.named(ADAPTER));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(ADAPTER);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        ADAPTER,
                        named("createExchange").and(takesArguments(2)),
                        "dev.autoprom.instrumentation.http.webflux.CreateExchangeAdvice")
                // (exchange, throwable) before Spring 6.1, (exchange, observation context, throwable) since
                .advise(
                        ADAPTER,
                        named("handleUnresolvedError")
                                .and(takesArgument(0, named("org.springframework.web.server.ServerWebExchange")))
                                .and(takesArguments(2).or(takesArguments(3))),
                        "dev.autoprom.instrumentation.http.webflux.UnresolvedErrorAdvice");
    }
}
