package dev.autoprom.instrumentation.genai.bedrock;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.genai.GenAiAdapter;

/**
 * AWS Bedrock Runtime in the AWS SDK for Java v2 ({@code software.amazon.awssdk:bedrockruntime}): {@code converse}
 * and {@code invokeModel} on the blocking and the async client, {@code converseStream} and
 * {@code invokeModelWithResponseStream} on the async client (the SDK has event streams on the async client only).
 * Hooks the generated client implementations' public methods, which every overload and the {@code Consumer<Builder>}
 * defaults of the interfaces end in, and which sit outside the SDK's retry loop, so a retried call is one
 * operation.
 */
public final class BedrockInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.bedrock.bridge.BedrockAdapter");

    private static final String MODEL = "software.amazon.awssdk.services.bedrockruntime.model.";

    /** The classes this module instruments (package-private final classes of the SDK). */
    private static final String[] TYPES = {
        "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeClient",
        "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeAsyncClient"
    };

    public BedrockInstrumentation() {
        super("genai", "bedrock", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                isPublic()
                        .and(named("converse"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named(MODEL + "ConverseRequest"))),
                "dev.autoprom.instrumentation.genai.bedrock.BedrockCallAdvice");
        target.advise(
                isPublic()
                        .and(named("invokeModel"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named(MODEL + "InvokeModelRequest"))),
                "dev.autoprom.instrumentation.genai.bedrock.BedrockCallAdvice");
        target.advise(
                isPublic()
                        .and(named("converseStream"))
                        .and(takesArguments(2))
                        .and(takesArgument(0, named(MODEL + "ConverseStreamRequest")))
                        .and(takesArgument(1, named(MODEL + "ConverseStreamResponseHandler"))),
                "dev.autoprom.instrumentation.genai.bedrock.BedrockStreamAdvice");
        target.advise(
                isPublic()
                        .and(named("invokeModelWithResponseStream"))
                        .and(takesArguments(2))
                        .and(takesArgument(0, named(MODEL + "InvokeModelWithResponseStreamRequest")))
                        .and(takesArgument(1, named(MODEL + "InvokeModelWithResponseStreamResponseHandler"))),
                "dev.autoprom.instrumentation.genai.bedrock.BedrockStreamAdvice");
    }
}
