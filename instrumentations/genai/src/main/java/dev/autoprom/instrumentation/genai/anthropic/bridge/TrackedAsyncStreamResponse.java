package dev.autoprom.instrumentation.genai.anthropic.bridge;

import com.anthropic.core.http.AsyncStreamResponse;
import dev.autoprom.instrumentation.genai.GenAiCall;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The SDK's async stream: the application's handler is wrapped so that events and the end reach the call. */
final class TrackedAsyncStreamResponse<T> implements AsyncStreamResponse<T> {

    private final AsyncStreamResponse<T> delegate;
    private final GenAiCall call;

    TrackedAsyncStreamResponse(AsyncStreamResponse<T> delegate, GenAiCall call) {
        this.delegate = delegate;
        this.call = call;
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
    public void close() {
        try {
            delegate.close();
        } finally {
            call.closed();
        }
    }

    private static final class TrackedHandler<T> implements Handler<T> {
        private final Handler<? super T> handler;
        private final GenAiCall call;

        TrackedHandler(Handler<? super T> handler, GenAiCall call) {
            this.handler = handler;
            this.call = call;
        }

        @Override
        public void onNext(T event) {
            call.event(event);
            handler.onNext(event);
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            call.end(error.orElse(null));
            handler.onComplete(error);
        }
    }
}
