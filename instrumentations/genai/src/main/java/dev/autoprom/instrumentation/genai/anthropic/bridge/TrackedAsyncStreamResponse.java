package dev.autoprom.instrumentation.genai.anthropic.bridge;

import com.anthropic.core.http.AsyncStreamResponse;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedWrapper;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The SDK's async stream: the application's handler is wrapped so that events and the end reach the call. */
final class TrackedAsyncStreamResponse<T> extends TrackedWrapper.Closing<AsyncStreamResponse<T>>
        implements AsyncStreamResponse<T> {

    TrackedAsyncStreamResponse(AsyncStreamResponse<T> delegate, GenAiCall call) {
        super(delegate, call);
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler) {
        delegate.subscribe(new TrackedHandler<>(handler, call));
        return this;
    }

    @Override
    public AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor) {
        delegate.subscribe(new TrackedHandler<>(handler, call), executor);
        return this;
    }

    @Override
    public CompletableFuture<Void> onCompleteFuture() {
        return delegate.onCompleteFuture();
    }

    @Override
    protected void closeDelegate() {
        delegate.close();
    }

    private static final class TrackedHandler<T> extends TrackedWrapper<Handler<? super T>> implements Handler<T> {

        TrackedHandler(Handler<? super T> handler, GenAiCall call) {
            super(handler, call);
        }

        @Override
        public void onNext(T event) {
            call.event(event);
            delegate.onNext(event);
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            call.end(error.orElse(null));
            delegate.onComplete(error);
        }
    }
}
