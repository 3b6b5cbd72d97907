package dev.autoprom.instrumentation.http.servlet.bridge;

import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.servlet.AsyncCompletion;
import dev.autoprom.instrumentation.http.servlet.ServletApi;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * {@link AsyncCompletion} as a {@code jakarta.servlet} listener. Re-registers itself when the application starts
 * another async cycle. Keep in step with {@link JavaxAsyncRecorder}.
 */
final class JakartaAsyncRecorder extends AsyncCompletion<AsyncEvent> implements AsyncListener {

    JakartaAsyncRecorder(
            ServletApi api,
            long start,
            int method,
            boolean https,
            String route,
            Throwable thrown,
            Object exchange,
            ExchangeRoutes routes) {
        super(api, start, method, https, route, thrown, exchange, routes);
    }

    @Override
    protected Object response(AsyncEvent event) {
        return event.getSuppliedResponse() != null
                ? event.getSuppliedResponse()
                : event.getAsyncContext().getResponse();
    }

    @Override
    protected Object request(AsyncEvent event) {
        return event.getSuppliedRequest() != null
                ? event.getSuppliedRequest()
                : event.getAsyncContext().getRequest();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        completed(event);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the container answers a timeout itself (error dispatch, 500) and then calls onComplete
    }

    @Override
    public void onError(AsyncEvent event) {
        failed(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a new async cycle drops the listeners: stay registered for its completion
        event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
    }
}
