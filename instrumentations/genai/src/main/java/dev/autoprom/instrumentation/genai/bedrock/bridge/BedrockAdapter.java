package dev.autoprom.instrumentation.genai.bedrock.bridge;

import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;
import dev.autoprom.instrumentation.genai.bedrock.ModelBodyReader;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * Reads Bedrock Runtime requests, responses and stream events: the model id, token counts and the model name a
 * body reports. Credentials, prompts, completions and guardrail content are never read (the client's
 * configuration is not even looked at: the provider is always {@code aws.bedrock}).
 */
public final class BedrockAdapter implements GenAiAdapter {

    static final String PROVIDER = "aws.bedrock";
    /** InvokeModel's token counts as response headers, for model families whose body has none (Mistral, Cohere). */
    private static final String INPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Input-Token-Count";

    private static final String OUTPUT_TOKENS_HEADER = "X-Amzn-Bedrock-Output-Token-Count";

    @Override
    public String component() {
        return "genai.bedrock";
    }

    @Override
    public void onStart(GenAiCall call, Object client, Object request) {
        call.provider(PROVIDER);
        String modelId = null;
        if (request instanceof ConverseRequest) {
            modelId = ((ConverseRequest) request).modelId();
        } else if (request instanceof ConverseStreamRequest) {
            modelId = ((ConverseStreamRequest) request).modelId();
        } else if (request instanceof InvokeModelRequest) {
            modelId = ((InvokeModelRequest) request).modelId();
        } else if (request instanceof InvokeModelWithResponseStreamRequest) {
            modelId = ((InvokeModelWithResponseStreamRequest) request).modelId();
        }
        call.requestModel(modelId);
        call.operation(isEmbedding(request, modelId) ? GenAiMetricNames.EMBEDDINGS : GenAiMetricNames.CHAT);
    }

    /**
     * Converse is always chat; InvokeModel is what the model does, and only the id says that before the answer
     * comes: Titan, Cohere and Nova embedding models are all named {@code ...embed...}.
     */
    private static boolean isEmbedding(Object request, String modelId) {
        return modelId != null && (request instanceof InvokeModelRequest) && modelId.contains("embed");
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof ConverseResponse) {
            usage(call, ((ConverseResponse) result).usage());
        } else if (result instanceof InvokeModelResponse) {
            InvokeModelResponse response = (InvokeModelResponse) result;
            SdkBytes body = response.body();
            ModelBodyReader reader = new ModelBodyReader();
            if (body != null) {
                // read in place (never modified): a copy would double the body, embeddings included
                reader.read(body.asByteArrayUnsafe()).applyTo(call);
            }
            if (reader.inputTokens() < 0 && reader.outputTokens() < 0) {
                headerUsage(call, response.sdkHttpResponse());
            }
        }
    }

    private static void headerUsage(GenAiCall call, SdkHttpResponse http) {
        if (http == null) {
            return;
        }
        long in = count(http.firstMatchingHeader(INPUT_TOKENS_HEADER).orElse(null));
        long out = count(http.firstMatchingHeader(OUTPUT_TOKENS_HEADER).orElse(null));
        if (in >= 0) {
            call.inputTokens(in);
        }
        if (out >= 0) {
            call.outputTokens(out);
        }
    }

    private static long count(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void usage(GenAiCall call, TokenUsage usage) {
        if (usage == null) {
            return;
        }
        if (usage.inputTokens() != null) {
            call.inputTokens(usage.inputTokens());
        }
        if (usage.outputTokens() != null) {
            call.outputTokens(usage.outputTokens());
        }
        if (usage.cacheReadInputTokens() != null) {
            // Bedrock counts cache reads apart from inputTokens
            call.cachedInputTokens(usage.cacheReadInputTokens(), false);
        }
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof ConverseStreamResponseHandler) {
            return new TrackedConverseStreamHandler((ConverseStreamResponseHandler) result, call);
        }
        if (result instanceof InvokeModelWithResponseStreamResponseHandler) {
            return new TrackedInvokeStreamHandler((InvokeModelWithResponseStreamResponseHandler) result, call);
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        if (event instanceof ContentBlockDeltaEvent) {
            call.chunk();
        } else if (event instanceof ConverseStreamMetadataEvent) {
            usage(call, ((ConverseStreamMetadataEvent) event).usage());
        } else if (event instanceof PayloadPart) {
            SdkBytes bytes = ((PayloadPart) event).bytes();
            if (bytes == null) {
                return;
            }
            ModelBodyReader reader = (ModelBodyReader) call.adapterState();
            if (reader == null) {
                reader = new ModelBodyReader();
                call.adapterState(reader);
            }
            reader.read(bytes.asByteArrayUnsafe()).applyTo(call);
            if (reader.isOutputChunk()) {
                call.chunk();
            }
        }
    }

    /**
     * The exception's simple name ({@code ThrottlingException}, {@code ValidationException}, ...); the HTTP status
     * for the SDK's catch-all {@code BedrockRuntimeException}, which only says that the error code was unknown.
     */
    @Override
    public String errorType(Throwable failure) {
        if (failure.getClass() == BedrockRuntimeException.class) {
            int status = ((BedrockRuntimeException) failure).statusCode();
            return status > 0 ? Integer.toString(status) : null;
        }
        return null;
    }
}
