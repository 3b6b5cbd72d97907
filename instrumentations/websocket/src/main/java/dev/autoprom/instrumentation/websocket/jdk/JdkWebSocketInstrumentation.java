package dev.autoprom.instrumentation.websocket.jdk;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * {@code java.net.http.WebSocket} ({@code websocket_library="jdk"}). Its implementation lives in
 * {@code jdk.internal.net.http.websocket}: {@code BuilderImpl.buildAsync} gets the application's listener
 * wrapped, {@code WebSocketImpl}'s send methods and {@code abort()} report the sent side.
 */
public final class JdkWebSocketInstrumentation extends LibraryInstrumentation {

    private static final String PACKAGE = "jdk.internal.net.http.websocket.";
    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.jdk.JdkWebSocketAdvice$";

    /** The classes this module instruments. */
    private static final String[] TYPES = {PACKAGE + "BuilderImpl", PACKAGE + "WebSocketImpl"};

    public JdkWebSocketInstrumentation() {
        super("websocket", "jdk-websocket", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("buildAsync")
                                .and(takesArguments(2))
                                .and(takesArgument(0, URI.class))
                                .and(takesArgument(1, named("java.net.http.WebSocket$Listener"))),
                        ADVICE + "BuildAsync")
                .advise(named("sendText").and(takesArguments(CharSequence.class, boolean.class)), ADVICE + "SendText")
                .advise(named("sendBinary").and(takesArguments(ByteBuffer.class, boolean.class)), ADVICE + "SendBinary")
                .advise(named("sendPing").and(takesArguments(ByteBuffer.class)), ADVICE + "SendPing")
                .advise(named("sendPong").and(takesArguments(ByteBuffer.class)), ADVICE + "SendPong")
                .advise(named("abort").and(takesArguments(0)), ADVICE + "Abort");
    }
}
