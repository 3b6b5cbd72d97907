package dev.autoprom.instrumentation.websocket.javawebsocket;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.nio.ByteBuffer;

/**
 * Java-WebSocket's {@code WebSocketServer} ({@code websocket_library="java-websocket"}, {@code http_route} empty:
 * the library has no routes). Its final callbacks give each connection's open, close (by code; 1006 when the
 * peer vanished), errors and the application's {@code onMessage} (handling time); frames go through the same
 * {@code WebSocketImpl}/{@code Draft_6455} hooks as the client ({@link JavaWebSocketInstrumentation}), which find
 * a server connection by its {@code WebSocketImpl}. Refused handshakes are not counted (the application refuses
 * them by throwing from its own {@code onWebsocketHandshakeReceivedAsServer}).
 */
public final class JavaWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.javawebsocket.JavaWebSocketAdvice$";
    private static final String SOCKET = "org.java_websocket.WebSocket";

    /** The classes this module instruments. */
    private static final String[] TYPES = {"org.java_websocket.server.WebSocketServer"};

    public JavaWebSocketServerInstrumentation() {
        super("websocket", "java-websocket-server", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("onWebsocketOpen").and(takesArguments(2)).and(takesArgument(0, named(SOCKET))),
                        ADVICE + "ServerOpen")
                .advise(
                        named("onWebsocketClose").and(takesArguments(4)).and(takesArgument(0, named(SOCKET))),
                        ADVICE + "ServerClose")
                .advise(
                        named("onWebsocketError").and(takesArguments(2)).and(takesArgument(0, named(SOCKET))),
                        ADVICE + "ServerError")
                .advise(
                        named("onWebsocketMessage").and(takesArguments(2)).and(takesArgument(1, String.class)),
                        ADVICE + "ServerHandleText")
                .advise(
                        named("onWebsocketMessage").and(takesArguments(2)).and(takesArgument(1, ByteBuffer.class)),
                        ADVICE + "ServerHandleBinary");
    }
}
