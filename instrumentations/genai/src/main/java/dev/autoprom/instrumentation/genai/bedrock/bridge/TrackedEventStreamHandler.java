package dev.autoprom.instrumentation.genai.bedrock.bridge;

import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedWrapper;
import software.amazon.awssdk.awscore.eventstream.EventStreamResponseHandler;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * The application's event-stream handler, every call forwarded unchanged and in order. The stream's end ends the
 * operation: {@code complete()} (the SDK calls it after the last event), {@code exceptionOccurred} (a failed
 * request or an exception event), or the application cancelling its subscription (see {@link TrackedPublisher}).
 * The operation is ended before the application's callback runs, so the time it takes is not counted.
 */
abstract class TrackedEventStreamHandler<R, E> extends TrackedWrapper<EventStreamResponseHandler<R, E>>
        implements EventStreamResponseHandler<R, E> {

    TrackedEventStreamHandler(EventStreamResponseHandler<R, E> delegate, GenAiCall call) {
        super(delegate, call);
    }

    @Override
    public void responseReceived(R response) {
        delegate.responseReceived(response);
    }

    @Override
    public void onEventStream(SdkPublisher<E> publisher) {
        delegate.onEventStream(new TrackedPublisher<>(publisher, call));
    }

    @Override
    public void exceptionOccurred(Throwable throwable) {
        call.end(throwable);
        delegate.exceptionOccurred(throwable);
    }

    @Override
    public void complete() {
        call.end(null);
        delegate.complete();
    }
}
