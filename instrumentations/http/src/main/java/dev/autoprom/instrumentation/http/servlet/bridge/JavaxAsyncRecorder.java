package dev.autoprom.instrumentation.http.servlet.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

/**
 * Records an async request when its async cycle completes (the response is then final), not when the first
 * dispatch returned. Re-registers itself when the application starts another async cycle. Keep in step with
 * {@link JavaxAsyncRecorder}.
 */
final class JavaxAsyncRecorder implements AsyncListener {

    private final JavaxServletApi api;
    private final long start;
    private final int method;
    private final boolean https;
    private final String route;
    /** A framework's exchange (WebFlux), asked at completion for its route and exception; null without one. */
    private final Object exchange;

    private final ExchangeRoutes routes;
    private volatile Throwable error;
    private volatile boolean recorded;

    JavaxAsyncRecorder(
            JavaxServletApi api,
            long start,
            int method,
            boolean https,
            String route,
            Throwable thrown,
            Object exchange,
            ExchangeRoutes routes) {
        this.api = api;
        this.exchange = exchange;
        this.routes = routes;
        this.start = start;
        this.method = method;
        this.https = https;
        this.route = route;
        this.error = thrown;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (recorded) {
            return;
        }
        recorded = true;
        try {
            ServletResponse response = event.getSuppliedResponse() != null
                    ? event.getSuppliedResponse()
                    : event.getAsyncContext().getResponse();
            int status = response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
            String finalRoute = route;
            Throwable finalError = error;
            if (routes != null) {
                // the framework may have matched its route and handled its exception after the first dispatch
                String template = routes.route(exchange);
                ServletRequest request = event.getSuppliedRequest() != null
                        ? event.getSuppliedRequest()
                        : event.getAsyncContext().getRequest();
                if (template != null && request != null) {
                    finalRoute = api.route(request, template);
                }
                if (finalError == null) {
                    finalError = routes.error(exchange, status);
                }
            }
            HttpServerRecorder.end(start, method, https, status, finalRoute, finalError);
        } catch (Throwable t) {
            SelfMetrics.recordError("http.servlet", t);
            HttpServerRecorder.end(start, method, https, 0, route, error);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the container answers a timeout itself (error dispatch, 500) and then calls onComplete
    }

    @Override
    public void onError(AsyncEvent event) {
        if (error == null) {
            error = event.getThrowable();
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a new async cycle drops the listeners: stay registered for its completion
        event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
    }
}
