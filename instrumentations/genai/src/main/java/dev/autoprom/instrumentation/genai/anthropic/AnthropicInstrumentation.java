package dev.autoprom.instrumentation.genai.anthropic;

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
 * The Anthropic Java SDK ({@code com.anthropic:anthropic-java} 3.x): messages and beta messages, blocking, async
 * and streaming.
 * Hooks the message service implementations' public methods, outside the SDK's retry loop.
 */
public final class AnthropicInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.anthropic.bridge.AnthropicAdapter");

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "com.anthropic.services.blocking.MessageServiceImpl",
        "com.anthropic.services.async.MessageServiceAsyncImpl",
        "com.anthropic.services.blocking.beta.MessageServiceImpl",
        "com.anthropic.services.async.beta.MessageServiceAsyncImpl"
    };

    public AnthropicInstrumentation() {
        super("genai", "anthropic", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                namedOneOf("create", "createStreaming")
                        .and(takesArguments(2))
                        .and(takesArgument(
                                0,
                                namedOneOf(
                                        "com.anthropic.models.messages.MessageCreateParams",
                                        "com.anthropic.models.beta.messages.MessageCreateParams")))
                        .and(takesArgument(1, named("com.anthropic.core.RequestOptions"))),
                "dev.autoprom.instrumentation.genai.anthropic.AnthropicCallAdvice");
    }
}
