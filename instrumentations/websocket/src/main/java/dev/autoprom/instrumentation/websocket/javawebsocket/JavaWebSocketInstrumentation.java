package dev.autoprom.instrumentation.websocket.javawebsocket;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.nio.ByteBuffer;
import java.util.Collection;

/**
 * Java-WebSocket ({@code org.java-websocket:Java-WebSocket}, {@code websocket_library="java-websocket"}). The
 * application subclasses {@code WebSocketClient}, so nothing can be wrapped: the client's own final callbacks
 * give the life cycle, and frames are read where the library handles them — {@code WebSocketImpl}'s private
 * {@code send(Collection<Framedata>)} (every frame sent, fragments and pings included) and
 * {@code Draft_6455.processFrame} (every frame received). Server-side connections of the same library are
 * registered by {@link JavaWebSocketServerInstrumentation}, keyed by their {@code WebSocketImpl}.
 */
public final class JavaWebSocketInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.javawebsocket.JavaWebSocketAdvice$";
    private static final String IMPL = "org.java_websocket.WebSocketImpl";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "org.java_websocket.client.WebSocketClient", IMPL, "org.java_websocket.drafts.Draft_6455"
    };

    public JavaWebSocketInstrumentation() {
        super("websocket", "java-websocket", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(named("run").and(takesArguments(0)), ADVICE + "Run")
                .advise(named("onWebsocketOpen").and(takesArguments(2)), ADVICE + "Open")
                .advise(named("onWebsocketClose").and(takesArguments(4)), ADVICE + "Close")
                .advise(named("onWebsocketError").and(takesArguments(2)), ADVICE + "OnError")
                .advise(
                        named("onWebsocketMessage").and(takesArguments(2)).and(takesArgument(1, String.class)),
                        ADVICE + "HandleText")
                .advise(
                        named("onWebsocketMessage").and(takesArguments(2)).and(takesArgument(1, ByteBuffer.class)),
                        ADVICE + "HandleBinary")
                .advise(named("send").and(isPrivate()).and(takesArguments(Collection.class)), ADVICE + "SendFrames")
                .advise(
                        named("processFrame")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(IMPL)))
                                .and(takesArgument(1, named("org.java_websocket.framing.Framedata"))),
                        ADVICE + "ReceiveFrame");
    }
}
