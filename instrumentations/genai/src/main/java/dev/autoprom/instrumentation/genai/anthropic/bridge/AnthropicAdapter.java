package dev.autoprom.instrumentation.genai.anthropic.bridge;

import com.anthropic.core.ClientOptions;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaMessageDeltaUsage;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.beta.messages.BetaUsage;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;

/** Reads the Anthropic SDK's params, messages and stream events (GA and beta): model names and token counts only. */
public final class AnthropicAdapter implements GenAiAdapter {

    @Override
    public String component() {
        return "genai.anthropic";
    }

    @Override
    public void onStart(GenAiCall call, Object client, Object request) {
        call.operation(GenAiMetricNames.CHAT);
        call.provider(provider(((ClientOptions) client).baseUrl()));
        if (request instanceof MessageCreateParams) {
            call.requestModel(((MessageCreateParams) request).model().asString());
        } else if (request instanceof com.anthropic.models.beta.messages.MessageCreateParams) {
            call.requestModel(((com.anthropic.models.beta.messages.MessageCreateParams) request)
                    .model()
                    .asString());
        }
    }

    /** Claude through Amazon Bedrock or Google Vertex AI (the SDK's backends) is reported as that provider. */
    private static String provider(String baseUrl) {
        if (baseUrl.contains("bedrock")) {
            return "aws.bedrock";
        }
        if (baseUrl.contains("aiplatform.googleapis.com")) {
            return "gcp.vertex_ai";
        }
        return "anthropic";
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof Message) {
            Message message = (Message) result;
            Usage usage = message.usage();
            call.inputTokens(usage.inputTokens());
            call.outputTokens(usage.outputTokens());
            call.responseModel(message.model().asString());
        } else if (result instanceof BetaMessage) {
            BetaMessage message = (BetaMessage) result;
            BetaUsage usage = message.usage();
            call.inputTokens(usage.inputTokens());
            call.outputTokens(usage.outputTokens());
            call.responseModel(message.model().asString());
        }
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof StreamResponse) {
            return new TrackedStreamResponse<>((StreamResponse<?>) result, call);
        }
        if (result instanceof AsyncStreamResponse) {
            return new TrackedAsyncStreamResponse<>((AsyncStreamResponse<?>) result, call);
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        if (event instanceof BetaRawMessageStreamEvent) {
            onBetaEvent(call, (BetaRawMessageStreamEvent) event);
            return;
        }
        if (!(event instanceof RawMessageStreamEvent)) {
            return;
        }
        RawMessageStreamEvent streamEvent = (RawMessageStreamEvent) event;
        if (streamEvent.isContentBlockDelta()) {
            call.chunk();
        } else if (streamEvent.isMessageStart()) {
            // message_start carries the input tokens; message_delta the (cumulative) output tokens
            Message message = streamEvent.asMessageStart().message();
            call.inputTokens(message.usage().inputTokens());
            call.outputTokens(message.usage().outputTokens());
            call.responseModel(message.model().asString());
        } else if (streamEvent.isMessageDelta()) {
            MessageDeltaUsage usage = streamEvent.asMessageDelta().usage();
            call.outputTokens(usage.outputTokens());
            // present when server tools changed the input during the turn
            usage.inputTokens().ifPresent(call::inputTokens);
        }
    }

    /** The same events in the beta API's types. */
    private static void onBetaEvent(GenAiCall call, BetaRawMessageStreamEvent streamEvent) {
        if (streamEvent.isContentBlockDelta()) {
            call.chunk();
        } else if (streamEvent.isMessageStart()) {
            BetaMessage message = streamEvent.asMessageStart().message();
            call.inputTokens(message.usage().inputTokens());
            call.outputTokens(message.usage().outputTokens());
            call.responseModel(message.model().asString());
        } else if (streamEvent.isMessageDelta()) {
            BetaMessageDeltaUsage usage = streamEvent.asMessageDelta().usage();
            call.outputTokens(usage.outputTokens());
            usage.inputTokens().ifPresent(call::inputTokens);
        }
    }
}
