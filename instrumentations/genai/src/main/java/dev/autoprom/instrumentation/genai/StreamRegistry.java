package dev.autoprom.instrumentation.genai;

import dev.autoprom.api.WeakIdentityMap;
import java.util.Iterator;

/**
 * For SDK stream classes that cannot be wrapped (a concrete class the application holds, such as google-genai's
 * {@code ResponseStream}): the stream object is remembered here, weakly, with its operation; advice on the
 * stream's own {@code iterator()} and {@code close()} then finds the operation. A stream that is dropped
 * without being closed or consumed is forgotten with it (its operation is never recorded).
 */
public final class StreamRegistry {

    private static final WeakIdentityMap<Tracker> STREAMS = new WeakIdentityMap<>();

    private StreamRegistry() {}

    public static void register(Object stream, GenAiCall call) {
        STREAMS.put(stream, new Tracker(call));
    }

    /**
     * The iterator the stream's {@code iterator()} returns, wrapped on the first call so that events and the
     * end reach the operation; later calls and untracked streams get {@code iterator} unchanged.
     */
    public static Object iterator(Object stream, Object iterator) {
        if (!(iterator instanceof Iterator)) {
            return iterator;
        }
        Tracker tracker = STREAMS.get(stream);
        return tracker == null ? iterator : tracker.wrapOnce((Iterator<?>) iterator);
    }

    /** The application closed the stream: its operation ends (if it had not already). */
    public static void closed(Object stream) {
        Tracker tracker = STREAMS.remove(stream);
        if (tracker != null) {
            tracker.call.closed();
        }
    }

    private static final class Tracker {
        final GenAiCall call;
        private boolean wrapped;

        Tracker(GenAiCall call) {
            this.call = call;
        }

        synchronized Iterator<?> wrapOnce(Iterator<?> iterator) {
            if (wrapped) {
                return iterator;
            }
            wrapped = true;
            return new TrackedIterator<>(iterator, call);
        }
    }

    private static final class TrackedIterator<T> extends TrackedWrapper<Iterator<T>> implements Iterator<T> {

        TrackedIterator(Iterator<T> delegate, GenAiCall call) {
            super(delegate, call);
        }

        @Override
        public boolean hasNext() {
            boolean more;
            try {
                more = delegate.hasNext();
            } catch (RuntimeException | Error e) {
                call.end(e);
                throw e;
            }
            if (!more) {
                call.end(null);
            }
            return more;
        }

        @Override
        public T next() {
            T event;
            try {
                event = delegate.next();
            } catch (RuntimeException | Error e) {
                call.end(e);
                throw e;
            }
            call.event(event);
            return event;
        }

        @Override
        public void remove() {
            delegate.remove();
        }
    }
}
