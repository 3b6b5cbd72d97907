package dev.autoprom.instrumentation.http.helidon;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Helidon 4 WebServer (SE): a request is one synchronous call of {@code HttpRoutingImpl.route(ctx, request,
 * response)} on its connection's virtual thread (filters, routing, error handling and the response all happen
 * inside it). The route is the path pattern the routing matched ({@code ServerRequest.matchingPattern()}); the
 * exception a handler threw is lent by {@code ErrorHandlers}, which turns it into the response; a service
 * registered under a path pattern ({@code ServiceRoute.acceptsPrefix}) is noted, because Helidon then puts the
 * matched path, not the pattern, in front of the route.
 */
public final class HelidonInstrumentation extends LibraryInstrumentation {

    static final String ROUTING = "io.helidon.webserver.http.HttpRoutingImpl";
    static final String ERROR_HANDLERS = "io.helidon.webserver.http.ErrorHandlers";
    static final String SERVICE_ROUTE = "io.helidon.webserver.http.ServiceRoute";
    private static final String CONTEXT = "io.helidon.webserver.ConnectionContext";
    private static final String ROUTING_REQUEST = "io.helidon.webserver.http.RoutingRequest";
    private static final String ROUTING_RESPONSE = "io.helidon.webserver.http.RoutingResponse";
    private static final String ADVICE = "dev.autoprom.instrumentation.http.helidon.";

    public HelidonInstrumentation() {
        super("http", "helidon", Targets.named(ROUTING, ERROR_HANDLERS, SERVICE_ROUTE));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(ROUTING);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        ROUTING,
                        named("route")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named(CONTEXT)))
                                .and(takesArgument(1, named(ROUTING_REQUEST)))
                                .and(takesArgument(2, named(ROUTING_RESPONSE))),
                        ADVICE + "RouteAdvice")
                .advise(
                        // handleError(ctx, RoutingRequest, RoutingResponse, Throwable[, ErrorHandler]) and
                        // unhandledError(ctx, ServerRequest, RoutingResponse, Throwable): every way an exception
                        // thrown while routing becomes a response
                        ERROR_HANDLERS,
                        namedOneOf("handleError", "unhandledError")
                                .and(takesArgument(0, named(CONTEXT)))
                                .and(takesArgument(2, named(ROUTING_RESPONSE)))
                                .and(takesArgument(3, Throwable.class))
                                .and(takesArguments(4).or(takesArguments(5))),
                        ADVICE + "ErrorHandledAdvice")
                .advise(
                        SERVICE_ROUTE,
                        named("acceptsPrefix")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("io.helidon.http.HttpPrologue")))
                                .and(returns(named("io.helidon.http.PathMatchers$PrefixMatchResult"))),
                        ADVICE + "ServicePrefixAdvice");
    }
}
