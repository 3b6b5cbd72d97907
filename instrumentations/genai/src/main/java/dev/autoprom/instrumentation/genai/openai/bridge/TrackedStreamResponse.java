package dev.autoprom.instrumentation.genai.openai.bridge;

import com.openai.core.http.StreamResponse;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.TrackedStreams;
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

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            call.closed();
        }
    }
}
