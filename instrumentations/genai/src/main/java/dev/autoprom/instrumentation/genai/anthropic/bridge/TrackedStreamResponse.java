package dev.autoprom.instrumentation.genai.anthropic.bridge;

import com.anthropic.core.http.StreamResponse;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedStreams;
import dev.autoprom.instrumentation.genai.TrackedWrapper;
import java.util.Iterator;
import java.util.stream.Stream;

/** The SDK's blocking stream, unchanged for the application, reporting its events and its end to the call. */
final class TrackedStreamResponse<T> extends TrackedWrapper.Closing<StreamResponse<T>> implements StreamResponse<T> {

    TrackedStreamResponse(StreamResponse<T> delegate, GenAiCall call) {
        super(delegate, call);
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
    protected void closeDelegate() {
        delegate.close();
    }
}
