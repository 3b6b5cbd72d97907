package dev.autoprom.instrumentation.genai.springai;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring AI 1.x and 2.0: every {@code ChatModel.call(Prompt)}, {@code StreamingChatModel.stream(Prompt)} and
 * {@code EmbeddingModel.call(EmbeddingRequest)} implementation (ChatClient and the convenience overloads end
 * there, around Spring AI's retries). The provider is the model's module (openai, anthropic, ollama, ...); an
 * instrumented SDK called inside (google-genai under Spring AI's Google GenAI model, the OpenAI Java SDK under
 * Spring AI 2.0's OpenAI models) is not recorded again.
 */
public final class SpringAiInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.springai.bridge.SpringAiAdapter");

    // Spring's own packages other than Spring AI's implement none of these
    public SpringAiInstrumentation() {
        super(
                "genai",
                "springai",
                Targets.subtypesOf(
                                "org.springframework.ai.chat.model.StreamingChatModel",
                                "org.springframework.ai.chat.model.ChatModel",
                                "org.springframework.ai.embedding.EmbeddingModel")
                        .declaring("call", "stream")
                        .and(not(nameStartsWith("org.springframework."))
                                .or(nameStartsWith("org.springframework.ai."))));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("org.springframework.ai.chat.model.StreamingChatModel");
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                not(isAbstract())
                        .and(named("call"))
                        .and(takesArguments(1))
                        .and(takesArgument(
                                0,
                                namedOneOf(
                                        "org.springframework.ai.chat.prompt.Prompt",
                                        "org.springframework.ai.embedding.EmbeddingRequest")))
                        .and(returns(namedOneOf(
                                "org.springframework.ai.chat.model.ChatResponse",
                                "org.springframework.ai.embedding.EmbeddingResponse"))),
                "dev.autoprom.instrumentation.genai.springai.SpringAiCallAdvice");
        target.advise(
                not(isAbstract())
                        .and(named("stream"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("org.springframework.ai.chat.prompt.Prompt")))
                        .and(returns(named("reactor.core.publisher.Flux"))),
                "dev.autoprom.instrumentation.genai.springai.SpringAiStreamAdvice");
    }
}
