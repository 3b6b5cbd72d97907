package dev.autoprom.instrumentation.genai.googlegenai;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.Bridge;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import dev.autoprom.instrumentation.genai.GenAiAdapter;

/**
 * Google's Gen AI SDK ({@code com.google.genai:google-genai} 2.x): {@code Models} and {@code AsyncModels}
 * generateContent, generateContentStream and embedContent (each overload; nested overloads are one operation),
 * and {@code ResponseStream} (a concrete class, followed through its own iterator() and close()). Live API sessions
 * are {@link GeminiLiveInstrumentation}'s.
 */
public final class GoogleGenAiInstrumentation extends LibraryInstrumentation {

    /** Public: inlined advice in the library reads it. */
    public static final Bridge<GenAiAdapter> ADAPTER =
            GenAiAdapter.bridge("dev.autoprom.instrumentation.genai.googlegenai.bridge.GoogleGenAiAdapter");

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "com.google.genai.Models", "com.google.genai.AsyncModels", "com.google.genai.ResponseStream"
    };

    public GoogleGenAiInstrumentation() {
        super("genai", "googlegenai", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                isPublic()
                        .and(namedOneOf("generateContent", "generateContentStream"))
                        .and(takesArguments(3))
                        .and(takesArgument(0, String.class))
                        .and(takesArgument(2, named("com.google.genai.types.GenerateContentConfig"))),
                "dev.autoprom.instrumentation.genai.googlegenai.GoogleGenerateAdvice");
        target.advise(
                isPublic()
                        .and(named("embedContent"))
                        .and(takesArguments(3))
                        .and(takesArgument(0, String.class))
                        .and(takesArgument(2, named("com.google.genai.types.EmbedContentConfig"))),
                "dev.autoprom.instrumentation.genai.googlegenai.GoogleEmbedAdvice");
        target.advise(
                isPublic().and(named("iterator")).and(takesNoArguments()),
                "dev.autoprom.instrumentation.genai.googlegenai.ResponseStreamIteratorAdvice");
        target.advise(
                isDeclaredBy(named("com.google.genai.ResponseStream"))
                        .and(isPublic())
                        .and(named("close"))
                        .and(takesNoArguments()),
                "dev.autoprom.instrumentation.genai.googlegenai.ResponseStreamCloseAdvice");
    }
}
