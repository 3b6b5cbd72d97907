package dev.autoprom.instrumentation.http.servlet;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.HttpServerRecorder;

/**
 * Records an async request when its async cycle completes (the response is then final), not when the first
 * dispatch returned: the part of the servlet {@code AsyncListener} that is the same for {@code javax} and
 * {@code jakarta}. The listener itself must implement the namespace's {@code AsyncListener}, so it is a bridge
 * class ({@code bridge.JakartaAsyncListener}, {@code bridge.JavaxAsyncListener}) that only reads its events'
 * request, response and throwable and hands them here. Made only for a request that went async.
 */
public final class AsyncCompletion {

    private final ServletApi api;
    private final long start;
    private final int method;
    private final boolean https;
    private final String route;
    /** A framework's exchange (WebFlux), asked at completion for its route and exception; null without one. */
    private final Object exchange;

    private final ExchangeRoutes routes;
    private volatile Throwable error;
    private volatile boolean recorded;

    AsyncCompletion(
            ServletApi api,
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

    /**
     * The async cycle completed: records the request once, with the final status, route and exception.
     * {@code request}, {@code response}: the event's supplied ones, else its async context's.
     */
    public void completed(Object request, Object response) {
        if (recorded) {
            return;
        }
        recorded = true;
        try {
            int status = api.status(response);
            String finalRoute = route;
            Throwable finalError = error;
            if (routes != null) {
                // the framework may have matched its route and handled its exception after the first dispatch
                String template = routes.route(exchange);
                if (template != null && request != null) {
                    finalRoute = api.route(request, template);
                }
                if (finalError == null) {
                    finalError = routes.error(exchange, status);
                }
            }
            HttpServerRecorder.end(start, method, https, status, finalRoute, finalError);
        } catch (Throwable t) {
            SelfMetrics.recordError(ServletHooks.COMPONENT, t);
            HttpServerRecorder.end(start, method, https, 0, route, error);
        }
    }

    /** The async cycle failed with {@code thrown}: the first exception is the one recorded. */
    public void failed(Throwable thrown) {
        if (error == null) {
            error = thrown;
        }
    }
}
