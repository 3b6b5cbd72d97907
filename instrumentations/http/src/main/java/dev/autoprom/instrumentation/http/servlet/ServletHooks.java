package dev.autoprom.instrumentation.http.servlet;

import dev.autoprom.api.BridgeClasses;
import dev.autoprom.api.SelfMetrics;
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

    /** The bridge for each {@code ServletRequest} interface class (javax or jakarta, per class loader). */
    private static final ClassValue<ServletApi> APIS = new ClassValue<>() {
        @Override
        protected ServletApi computeValue(Class<?> servletRequestClass) {
            String bridge = servletRequestClass.getName().startsWith("jakarta.")
                    ? "dev.autoprom.instrumentation.http.servlet.bridge.JakartaServletApi"
                    : "dev.autoprom.instrumentation.http.servlet.bridge.JavaxServletApi";
            try {
                return (ServletApi) BridgeClasses.newInstance(servletRequestClass, bridge);
            } catch (Throwable t) {
                SelfMetrics.recordError(COMPONENT, t);
                return null;
            }
        }
    };

    private ServletHooks() {
    }

    /** Returns the start time when this call is the request's outermost, else {@link HttpServerRecorder#NOT_RECORDING}. */
    public static long enter(Class<?> servletRequestClass, Object request) {
        ServerRequestScope scope = ServerRequestScope.current();
        if (scope.depth++ > 0) {
            return HttpServerRecorder.NOT_RECORDING;
        }
        scope.frameworkRoute = null;
        try {
            ServletApi api = APIS.get(servletRequestClass);
            if (api == null || !api.isNewHttpRequest(request)) {
                return HttpServerRecorder.NOT_RECORDING;
            }
            return HttpServerRecorder.start(HttpMethods.index(api.method(request)), api.https(request));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return HttpServerRecorder.NOT_RECORDING;
        }
    }

    public static void exit(long start, Class<?> servletRequestClass, Object request, Object response,
            Throwable thrown) {
        ServerRequestScope scope = ServerRequestScope.current();
        if (scope.depth > 0) {
            scope.depth--;
        }
        // 0 is what the advice passes when its enter part failed (suppressed): nothing was started then
        if (start == HttpServerRecorder.NOT_RECORDING || start == 0L) {
            return;
        }
        String frameworkRoute = scope.frameworkRoute;
        scope.frameworkRoute = null;
        ServletApi api = APIS.get(servletRequestClass);
        int method = HttpMethods.index(null);
        boolean https = false;
        String route = "";
        try {
            method = HttpMethods.index(api.method(request));
            https = api.https(request);
            route = api.route(request, frameworkRoute);
            if (api.recordWhenAsyncCompletes(request, response, start, method, https, route, thrown)) {
                return;
            }
            int status = thrown != null && !api.committed(response) ? 500 : api.status(response);
            HttpServerRecorder.end(start, method, https, status, route, thrown);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            // still end the request, so that the active-requests gauge comes back down
            HttpServerRecorder.end(start, method, https, 0, route, thrown);
        }
    }
}
