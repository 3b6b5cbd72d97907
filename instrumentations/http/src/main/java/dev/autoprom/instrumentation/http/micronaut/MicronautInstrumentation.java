package dev.autoprom.instrumentation.http.micronaut;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Micronaut 4's HTTP server (on Netty, recorded by the {@code netty} instrumentation): when its router has matched
 * a request it stores the route's URI template on the request ({@code BasicHttpAttributes.setUriTemplate}), and
 * when its error handling turns an exception into a response it stores the exception on the response
 * ({@code RouteAttributes.setException}); both are lent to the request being recorded on this thread. Records
 * nothing itself.
 */
public final class MicronautInstrumentation extends LibraryInstrumentation {

    static final String HTTP_ATTRIBUTES = "io.micronaut.http.BasicHttpAttributes";
    static final String ROUTE_ATTRIBUTES = "io.micronaut.web.router.RouteAttributes";

    public MicronautInstrumentation() {
        super("http", "micronaut", Targets.named(HTTP_ATTRIBUTES, ROUTE_ATTRIBUTES));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(HTTP_ATTRIBUTES);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        HTTP_ATTRIBUTES,
                        isStatic()
                                .and(named("setUriTemplate"))
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("io.micronaut.http.HttpRequest")))
                                .and(takesArgument(1, String.class)),
                        "dev.autoprom.instrumentation.http.micronaut.SetUriTemplateAdvice")
                .advise(
                        ROUTE_ATTRIBUTES,
                        isStatic()
                                .and(named("setException"))
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("io.micronaut.http.HttpResponse")))
                                .and(takesArgument(1, Throwable.class)),
                        "dev.autoprom.instrumentation.http.micronaut.SetExceptionAdvice");
    }
}
