package dev.autoprom.instrumentation.genai.bedrock.bridge;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedWrapper;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The SDK's event publisher as the application's handler sees it: the same events, in the same order, each shown
 * to the operation first. Nothing is requested, buffered or consumed by the agent: demand and cancellation are
 * the application's subscriber's, passed straight through. Every operator of {@link SdkPublisher} ({@code map},
 * {@code filter}, the SDK's visitor builder) ends in {@link #subscribe}, so the one override covers them.
 */
final class TrackedPublisher<T> extends TrackedWrapper<SdkPublisher<T>> implements SdkPublisher<T> {

    TrackedPublisher(SdkPublisher<T> delegate, GenAiCall call) {
        super(delegate, call);
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        delegate.subscribe(new TrackedSubscriber<>(subscriber, call));
    }

    /** Between the SDK and the application's subscriber, both ways. */
    private static final class TrackedSubscriber<T> extends TrackedWrapper<Subscriber<? super T>>
            implements Subscriber<T>, Subscription {
        private Subscription subscription;

        TrackedSubscriber(Subscriber<? super T> subscriber, GenAiCall call) {
            super(subscriber, call);
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            delegate.onSubscribe(this);
        }

        @Override
        public void onNext(T event) {
            call.event(event);
            delegate.onNext(event);
        }

        @Override
        public void onError(Throwable failure) {
            call.end(failure);
            delegate.onError(failure);
        }

        @Override
        public void onComplete() {
            call.end(null);
            delegate.onComplete();
        }

        @Override
        public void request(long n) {
            subscription.request(n);
        }

        /** The application stopped reading: the operation ends there, as a success (as closing a stream does). */
        @Override
        public void cancel() {
            subscription.cancel();
            call.closed();
        }
    }
}
