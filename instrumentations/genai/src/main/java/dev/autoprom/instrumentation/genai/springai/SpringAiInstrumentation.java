package dev.autoprom.instrumentation.genai.springai;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.CandidateTypes;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.instrumentation.genai.ImplementsInterface;
import dev.autoprom.api.LoaderHasClass;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring AI 1.x: every {@code ChatModel.call(Prompt)}, {@code StreamingChatModel.stream(Prompt)} and
 * {@code EmbeddingModel.call(EmbeddingRequest)} implementation (ChatClient and the convenience overloads end
 * there, around Spring AI's retries). The provider is the model's module (openai, anthropic, ollama, ...); an
 * instrumented SDK called inside (google-genai under Spring AI's Google GenAI model) is not recorded again.
 */
public final class SpringAiInstrumentation implements InstrumentationModule {

    static final String ADAPTER = "dev.autoprom.instrumentation.genai.springai.bridge.SpringAiAdapter";

    @Override
    public String family() {
        return "genai";
    }

    @Override
    public String name() {
        return "springai";
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("org.springframework.ai.chat.model.StreamingChatModel");
    }

    @Override
    public CandidateTypes candidates() {
        return CandidateTypes.declaringMethod("call", "stream");
    }

    @Override
    public ElementMatcher<? super TypeDescription> typeMatcher() {
        return ImplementsInterface.anyOf("org.springframework.ai.",
                "org.springframework.ai.chat.model.StreamingChatModel",
                "org.springframework.ai.chat.model.ChatModel",
                "org.springframework.ai.embedding.EmbeddingModel");
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(not(isAbstract()).and(named("call")).and(takesArguments(1))
                        .and(takesArgument(0, namedOneOf("org.springframework.ai.chat.prompt.Prompt",
                                "org.springframework.ai.embedding.EmbeddingRequest")))
                        .and(returns(namedOneOf("org.springframework.ai.chat.model.ChatResponse",
                                "org.springframework.ai.embedding.EmbeddingResponse"))),
                "dev.autoprom.instrumentation.genai.springai.SpringAiCallAdvice");
        target.advise(not(isAbstract()).and(named("stream")).and(takesArguments(1))
                        .and(takesArgument(0, named("org.springframework.ai.chat.prompt.Prompt")))
                        .and(returns(named("reactor.core.publisher.Flux"))),
                "dev.autoprom.instrumentation.genai.springai.SpringAiStreamAdvice");
    }
}
