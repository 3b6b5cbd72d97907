package dev.autoprom.instrumentation.genai.bedrock.bridge;

import dev.autoprom.instrumentation.genai.GenAiCall;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/** {@code converseStream}'s handler, followed (see {@link TrackedEventStreamHandler}). */
final class TrackedConverseStreamHandler extends TrackedEventStreamHandler<ConverseStreamResponse, ConverseStreamOutput>
        implements ConverseStreamResponseHandler {

    TrackedConverseStreamHandler(ConverseStreamResponseHandler delegate, GenAiCall call) {
        super(delegate, call);
    }
}
