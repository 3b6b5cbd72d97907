package dev.autoprom.instrumentation.genai.bedrock.bridge;

import dev.autoprom.instrumentation.genai.GenAiCall;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/** {@code invokeModelWithResponseStream}'s handler, followed (see {@link TrackedEventStreamHandler}). */
final class TrackedInvokeStreamHandler
        extends TrackedEventStreamHandler<InvokeModelWithResponseStreamResponse, ResponseStream>
        implements InvokeModelWithResponseStreamResponseHandler {

    TrackedInvokeStreamHandler(InvokeModelWithResponseStreamResponseHandler delegate, GenAiCall call) {
        super(delegate, call);
    }
}
