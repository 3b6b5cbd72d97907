package dev.autoprom.instrumentation.http;

/**
 * Per-thread state of the server request being handled: how deep we are in instrumented filters/servlets (only
 * the outermost one records, so a filter chain or a forward counts once), and what a framework running inside it
 * lends the layer that records: a route template found while handling it (JAX-RS, Micronaut), the exception its
 * error handling saw (Micronaut), or its exchange object for a later look (WebFlux, whose route and exception are
 * read when the response completes). The recording layer (servlet, JDK server, Netty pipeline) clears these when
 * its request begins and reads them when it ends. One instance per thread, reused: nothing is allocated per
 * request.
 */
public final class ServerRequestScope {

    private static final ThreadLocal<ServerRequestScope> CURRENT = ThreadLocal.withInitial(ServerRequestScope::new);

    /** Number of instrumented handler frames on this thread's stack. */
    public int depth;
    /** A route template set by a framework during the outermost request on this thread, or null. */
    public String frameworkRoute;
    /** An exception a framework's error handling saw during the outermost request on this thread, or null. */
    public Throwable frameworkError;
    /** A framework's exchange object for this request, read through {@link #exchangeRoutes}, or null. */
    public Object exchange;
    /** What reads {@link #exchange}; set together with it. */
    public ExchangeRoutes exchangeRoutes;
    /**
     * A piece of the request path that a framework copies into the route it reports (Helidon: the matched path of
     * a service registered under a path pattern), or null: a route containing it is not a template.
     */
    public String rawRoutePart;
    /** How many such pieces were seen during the request (more than one: no route can be trusted). */
    public int rawRouteParts;

    private ServerRequestScope() {}

    public static ServerRequestScope current() {
        return CURRENT.get();
    }

    /** Forgets what frameworks lent: at the start and the end of the outermost request. */
    public void clearLent() {
        frameworkRoute = null;
        frameworkError = null;
        exchange = null;
        exchangeRoutes = null;
        rawRoutePart = null;
        rawRouteParts = 0;
    }

    /**
     * Lends a framework's route template to the request being recorded on this thread; the first wins (an error
     * route matched after the request's own does not replace it). Outside a recorded request, nothing.
     */
    public static void lendRoute(String template) {
        ServerRequestScope scope = current();
        if (scope.depth > 0 && scope.frameworkRoute == null) {
            scope.frameworkRoute = template;
        }
    }

    /** Lends the exception a framework's error handling saw, as {@link #lendRoute} does: the first one wins. */
    public static void lendError(Throwable thrown) {
        ServerRequestScope scope = current();
        if (scope.depth > 0 && scope.frameworkError == null) {
            scope.frameworkError = thrown;
        }
    }

    /**
     * Lends a framework's exchange to the request being recorded on this thread; the first lender wins (an outer
     * framework over an inner one). Outside a recorded request (depth 0) nothing happens.
     */
    public static void lendExchange(Object exchange, ExchangeRoutes routes) {
        ServerRequestScope scope = current();
        if (scope.depth > 0 && scope.exchange == null && exchange != null) {
            scope.exchange = exchange;
            scope.exchangeRoutes = routes;
        }
    }
}
