package dev.autoprom.instrumentation.http.jdkserver.bridge;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
import dev.autoprom.instrumentation.http.Routes;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import java.io.IOException;

/**
 * Times one exchange of a JDK server context. The route is the context path, fixed per filter (one filter per
 * context), unless a framework running inside (JAX-RS) reports a template. The status is the one sent with
 * {@code sendResponseHeaders}; when the handler throws before sending any, the server drops the connection
 * and we record 500 with the exception's class as {@code error_type}.
 */
public final class MetricsFilter extends Filter {

    private final String route;

    MetricsFilter(String contextPath) {
        this.route = contextPath;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        int method = HttpMethods.index(exchange.getRequestMethod());
        boolean https = exchange instanceof HttpsExchange;
        ServerRequestScope scope = ServerRequestScope.current();
        scope.depth++;
        scope.clearLent();
        long start = HttpServerRecorder.start(method, https);
        Throwable thrown = null;
        try {
            chain.doFilter(exchange);
        } catch (Throwable t) {
            thrown = t;
            throw t;
        } finally {
            scope.depth--;
            String template = scope.frameworkRoute;
            scope.clearLent();
            int status = exchange.getResponseCode();
            if (thrown != null && status <= 0) {
                status = 500;
            }
            HttpServerRecorder.end(
                    start, method, https, status, template == null ? route : Routes.join(route, template), thrown);
        }
    }

    @Override
    public String description() {
        return "autoprom HTTP server metrics";
    }
}
