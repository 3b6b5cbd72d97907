package dev.autoprom.instrumentation.genai.langchain4j;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * LangChain4j 1.x: every {@link dev.langchain4j.model.chat.ChatModel ChatModel},
 * {@code StreamingChatModel} and {@code EmbeddingModel} implementation. Hooks {@code doChat} / {@code doEmbed} /
 * {@code embedAll}, which the interfaces' {@code chat}/{@code embed} methods call once per logical call around the
 * provider's retries. The provider reported is the one underneath ({@code model.provider()}); an instrumented SDK
 * called inside is not recorded again.
 */
public final class LangChain4jInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.langchain4j.bridge.LangChain4jAdapter");

    private static final String CHAT_REQUEST = "dev.langchain4j.model.chat.request.ChatRequest";

    public LangChain4jInstrumentation() {
        super(
                "genai",
                "langchain4j",
                Targets.subtypesOf(
                                "dev.langchain4j.model.chat.ChatModel",
                                "dev.langchain4j.model.chat.StreamingChatModel",
                                "dev.langchain4j.model.embedding.EmbeddingModel")
                        .declaring("doChat", "doEmbed", "embedAll"));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("dev.langchain4j.model.chat.ChatModel");
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.adviseOneOf(
                "chat",
                null,
                not(isAbstract())
                        .and(named("doChat"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named(CHAT_REQUEST))),
                "dev.autoprom.instrumentation.genai.langchain4j.LangChain4jCallAdvice");
        // embedding models override doEmbed (1.x providers, as the tests run them) or only embedAll (others)
        target.adviseOneOf(
                "embedding",
                null,
                not(isAbstract())
                        .and(named("doEmbed"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("dev.langchain4j.model.embedding.request.EmbeddingRequest"))),
                "dev.autoprom.instrumentation.genai.langchain4j.LangChain4jCallAdvice");
        target.adviseOneOf(
                "embedding",
                null,
                not(isAbstract())
                        .and(named("embedAll"))
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("java.util.List"))),
                "dev.autoprom.instrumentation.genai.langchain4j.LangChain4jCallAdvice");
        target.adviseOneOf(
                "streaming chat",
                null,
                not(isAbstract())
                        .and(named("doChat"))
                        .and(takesArguments(2))
                        .and(takesArgument(0, named(CHAT_REQUEST)))
                        .and(takesArgument(
                                1, named("dev.langchain4j.model.chat.response.StreamingChatResponseHandler"))),
                "dev.autoprom.instrumentation.genai.langchain4j.LangChain4jStreamingAdvice");
    }
}
