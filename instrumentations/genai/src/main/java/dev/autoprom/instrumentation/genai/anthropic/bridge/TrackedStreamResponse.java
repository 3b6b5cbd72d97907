package dev.autoprom.instrumentation.genai.anthropic.bridge;

import com.anthropic.core.http.StreamResponse;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedStreams;
import java.util.Iterator;
import java.util.stream.Stream;

/** The SDK's blocking stream, unchanged for the application, reporting its events and its end to the call. */
final class TrackedStreamResponse<T> implements StreamResponse<T> {

    private final StreamResponse<T> delegate;
    private final GenAiCall call;

    TrackedStreamResponse(StreamResponse<T> delegate, GenAiCall call) {
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public Stream<T> stream() {
        return TrackedStreams.track(delegate.stream(), call);
    }

    /** The SDK's stream is also Iterable; iterating goes through the tracked stream too. */
    @Override
    public Iterator<T> iterator() {
        return stream().iterator();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            call.closed();
        }
    }
}
