package dev.autoprom.instrumentation.genai.googlegenai;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Live API sessions of Google's Gen AI SDK ({@code client.async.live.connect}): {@code AsyncLive.connect} and
 * the SDK's per-session WebSocket listener (its constructor, {@code send}, {@code setMessageCallback},
 * {@code onClosed}, {@code onFailure}). Its own instrumentation, not part of {@link GoogleGenAiInstrumentation}:
 * the listener class loads only when an application opens a session, so an application that never does would
 * otherwise see the SDK's instrumentation reported with an unmatched hook.
 */
public final class GeminiLiveInstrumentation extends LibraryInstrumentation {

    private static final String LIVE_LISTENER = "com.google.genai.AsyncLive$GenAiWebSocketClient";

    public GeminiLiveInstrumentation() {
        super("genai", "googlegenai-live", Targets.named("com.google.genai.AsyncLive", LIVE_LISTENER));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                isDeclaredBy(named("com.google.genai.AsyncLive"))
                        .and(isPublic())
                        .and(named("connect"))
                        .and(takesArguments(2))
                        .and(takesArgument(0, String.class))
                        .and(takesArgument(1, named("com.google.genai.types.LiveConnectConfig"))),
                "dev.autoprom.instrumentation.genai.googlegenai.LiveConnectAdvice");
        live(
                target,
                isConstructor().and(takesArguments(5)).and(takesArgument(4, named("com.google.genai.ApiClient"))),
                "LiveListenerCreatedAdvice");
        live(target, named("send").and(takesArguments(1)).and(takesArgument(0, String.class)), "LiveSendAdvice");
        live(
                target,
                named("setMessageCallback")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("java.util.function.Consumer"))),
                "LiveCallbackAdvice");
        live(target, named("onClosed").and(takesArguments(3)).and(takesArgument(1, int.class)), "LiveClosedAdvice");
        live(
                target,
                named("onFailure").and(takesArguments(3)).and(takesArgument(1, Throwable.class)),
                "LiveFailureAdvice");
    }

    /** Advice on the SDK's per-session WebSocket listener (an {@code okhttp3.WebSocketListener}). */
    private static void live(AdviceTarget target, ElementMatcher.Junction<MethodDescription> methods, String advice) {
        target.advise(
                isDeclaredBy(named(LIVE_LISTENER)).and(methods),
                "dev.autoprom.instrumentation.genai.googlegenai." + advice);
    }
}
