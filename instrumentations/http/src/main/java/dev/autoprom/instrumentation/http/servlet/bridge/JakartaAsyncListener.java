package dev.autoprom.instrumentation.http.servlet.bridge;

import dev.autoprom.instrumentation.http.servlet.AsyncCompletion;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * {@link AsyncCompletion} as a {@code jakarta.servlet} listener. Re-registers itself when the application starts
 * another async cycle. Keep in step with {@link JavaxAsyncListener}.
 */
final class JakartaAsyncListener implements AsyncListener {

    private final AsyncCompletion completion;

    JakartaAsyncListener(AsyncCompletion completion) {
        this.completion = completion;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        Object request = event.getSuppliedRequest();
        Object response = event.getSuppliedResponse();
        completion.completed(
                request != null ? request : event.getAsyncContext().getRequest(),
                response != null ? response : event.getAsyncContext().getResponse());
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the container answers a timeout itself (error dispatch, 500) and then calls onComplete
    }

    @Override
    public void onError(AsyncEvent event) {
        completion.failed(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a new async cycle drops the listeners: stay registered for its completion
        event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
    }
}
