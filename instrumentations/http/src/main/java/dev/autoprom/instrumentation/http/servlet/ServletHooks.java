package dev.autoprom.instrumentation.http.servlet;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
import dev.autoprom.instrumentation.http.ServerRequestScope;

/**
 * Called by the servlet advice. Only the outermost instrumented {@code service}/{@code doFilter} on a thread
 * records (filter chains, forwards, includes and a DispatcherServlet inside a container count once); container
 * re-dispatches of an async or failed request are skipped because their first dispatch is already being timed.
 */
public final class ServletHooks {

    static final String COMPONENT = "http.servlet";

    /** One bridge per servlet namespace, anchored on its {@code ServletRequest} interface (one per loader). */
    private static final Bridge<ServletApi> JAKARTA = Bridge.of(
            ServletApi.class,
            "dev.autoprom.instrumentation.http.servlet.bridge.JakartaServletApi",
            COMPONENT,
            ServletApi.NONE);

    private static final Bridge<ServletApi> JAVAX = Bridge.of(
            ServletApi.class,
            "dev.autoprom.instrumentation.http.servlet.bridge.JavaxServletApi",
            COMPONENT,
            ServletApi.NONE);

    private ServletHooks() {}

    private static ServletApi api(Class<?> servletRequestClass) {
        return (servletRequestClass.getName().startsWith("jakarta.") ? JAKARTA : JAVAX).get(servletRequestClass);
    }

    /** Returns the start time when this call is the request's outermost, else {@link Timing#NOT_STARTED}. */
    public static long enter(Class<?> servletRequestClass, Object request) {
        ServerRequestScope scope = ServerRequestScope.current();
        if (scope.depth++ > 0) {
            return Timing.NOT_STARTED;
        }
        scope.clearLent();
        try {
            if (!api(servletRequestClass).isNewHttpRequest(request)) {
                return Timing.NOT_STARTED;
            }
            ServletApi api = api(servletRequestClass);
            return HttpServerRecorder.start(HttpMethods.index(api.method(request)), api.https(request));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return Timing.NOT_STARTED;
        }
    }

    public static void exit(
            long start, Class<?> servletRequestClass, Object request, Object response, Throwable thrown) {
        ServerRequestScope scope = ServerRequestScope.current();
        if (scope.depth > 0) {
            scope.depth--;
        }
        // also what the advice passes when its enter part failed (suppressed): nothing was started then
        if (start == Timing.NOT_STARTED) {
            return;
        }
        String frameworkRoute = scope.frameworkRoute;
        Object exchange = scope.exchange;
        ExchangeRoutes routes = scope.exchangeRoutes;
        scope.clearLent();
        ServletApi api = api(servletRequestClass);
        int method = HttpMethods.index(null);
        boolean https = false;
        String route = "";
        try {
            method = HttpMethods.index(api.method(request));
            https = api.https(request);
            if (frameworkRoute == null && routes != null) {
                frameworkRoute = routes.route(exchange);
            }
            route = api.route(request, frameworkRoute);
            if (api.asyncStarted(request)) {
                // a framework inside (WebFlux on a servlet container) is asked again at completion for the
                // route and the exception it lent
                api.recordWhenAsyncCompletes(
                        request,
                        response,
                        new AsyncCompletion(api, start, method, https, route, thrown, exchange, routes));
                return;
            }
            int status = thrown != null && !api.committed(response) ? 500 : api.status(response);
            if (thrown == null && routes != null) {
                thrown = routes.error(exchange, status);
            }
            HttpServerRecorder.end(start, method, https, status, route, thrown);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            // still end the request, so that the active-requests gauge comes back down
            HttpServerRecorder.end(start, method, https, 0, route, thrown);
        }
    }
}
