package dev.autoprom.instrumentation.genai.openai;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.genai.GenAiAdapter;

/**
 * The OpenAI Java SDK ({@code com.openai:openai-java} 4.x): chat completions, embeddings and the responses API,
 * blocking, async (futures) and streaming. Hooks the service implementations' public methods, which wrap the
 * SDK's retry loop, so a retried call is one operation.
 */
public final class OpenAiInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.openai.bridge.OpenAiAdapter");

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "com.openai.services.blocking.chat.ChatCompletionServiceImpl",
        "com.openai.services.async.chat.ChatCompletionServiceAsyncImpl",
        "com.openai.services.blocking.EmbeddingServiceImpl",
        "com.openai.services.async.EmbeddingServiceAsyncImpl",
        "com.openai.services.blocking.ResponseServiceImpl",
        "com.openai.services.async.ResponseServiceAsyncImpl"
    };

    public OpenAiInstrumentation() {
        super("genai", "openai", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                namedOneOf("create", "createStreaming")
                        .and(takesArguments(2))
                        .and(takesArgument(
                                0,
                                namedOneOf(
                                        "com.openai.models.chat.completions.ChatCompletionCreateParams",
                                        "com.openai.models.embeddings.EmbeddingCreateParams",
                                        "com.openai.models.responses.ResponseCreateParams")))
                        .and(takesArgument(1, named("com.openai.core.RequestOptions"))),
                "dev.autoprom.instrumentation.genai.openai.OpenAiCallAdvice");
    }
}
