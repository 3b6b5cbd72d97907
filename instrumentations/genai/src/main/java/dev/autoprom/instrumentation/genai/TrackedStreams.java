package dev.autoprom.instrumentation.genai;

import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Follows a {@link java.util.stream.Stream} of SDK stream events for a {@link GenAiCall}: each element is shown
 * to the adapter before the application sees it, the end of the elements ends the operation, a failure ends it
 * with its error type. Closing the returned stream closes the SDK's.
 */
public final class TrackedStreams {

    private TrackedStreams() {}

    public static <T> Stream<T> track(Stream<T> events, GenAiCall call) {
        return StreamSupport.stream(new TrackingSpliterator<>(events.spliterator(), call), false)
                .onClose(events::close);
    }

    private static final class TrackingSpliterator<T> extends TrackedWrapper<Spliterator<T>>
            implements Spliterator<T>, Consumer<T> {
        private Consumer<? super T> action;

        TrackingSpliterator(Spliterator<T> delegate, GenAiCall call) {
            super(delegate, call);
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> next) {
            action = next;
            boolean advanced;
            try {
                advanced = delegate.tryAdvance(this);
            } catch (RuntimeException | Error e) {
                call.end(e);
                throw e;
            }
            if (!advanced) {
                call.end(null);
            }
            return advanced;
        }

        @Override
        public void accept(T event) {
            call.event(event);
            action.accept(event);
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return delegate.estimateSize();
        }

        @Override
        public int characteristics() {
            return delegate.characteristics() & (ORDERED | NONNULL | IMMUTABLE);
        }
    }
}
