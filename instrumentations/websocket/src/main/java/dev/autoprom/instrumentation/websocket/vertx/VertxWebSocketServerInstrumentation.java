package dev.autoprom.instrumentation.websocket.vertx;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Vert.x core's server WebSockets, 4.5 and 5 ({@code websocket_library="vertx"}): {@code HttpServer.webSocketHandler}
 * sockets ({@code http_route} empty: core has no routes) and those a Vert.x Web route upgrades with
 * {@code ctx.request().toWebSocket()} ({@code http_route}: the route as Vert.x writes it, {@code /chat/:room}).
 * Frames in and out, the close code Vert.x keeps (1006 when the connection went without one), the time the
 * application's handlers took per message and what they threw (Vert.x's dispatch catches it and reports it to
 * the context), and refused upgrades: a status other than 101 for an upgrade request.
 */
public final class VertxWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.vertx.VertxWebSocketAdvice$";
    private static final String HTTP = "io.vertx.core.http.impl.";
    static final String REQUEST = HTTP + "Http1xServerRequest";
    static final String CONNECTION = HTTP + "Http1xServerConnection";
    static final String BASE = HTTP + "WebSocketImplBase";
    static final String SERVER_SOCKET = HTTP + "ServerWebSocketImpl";
    static final String CONTEXT = "io.vertx.core.impl.ContextImpl";
    private static final String FRAME_INTERNAL = "io.vertx.core.http.impl.ws.WebSocketFrameInternal";

    public VertxWebSocketServerInstrumentation() {
        super("websocket", "vertx-websocket-server", Targets.named(REQUEST, CONNECTION, BASE, SERVER_SOCKET, CONTEXT));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        REQUEST,
                        named("routed").and(takesArguments(1)).and(takesArgument(0, String.class)),
                        ADVICE + "Routed")
                .advise(CONNECTION, named("responseComplete").and(takesArguments(0)), ADVICE + "ResponseComplete")
                // 4.5: the socket is made before the handshake, which handleHandshake writes or refuses
                .adviseOneOf(
                        "open",
                        SERVER_SOCKET,
                        named("handleHandshake").and(takesArguments(int.class)),
                        ADVICE + "Handshake4")
                // 5: the socket is made after the handshake was written
                .adviseOneOf(
                        "open",
                        SERVER_SOCKET,
                        isConstructor().and(takesArguments(7)).and(takesArgument(3, named(REQUEST))),
                        ADVICE + "Created5")
                .advise(
                        BASE,
                        named("handleFrame").and(takesArguments(1)).and(takesArgument(0, named(FRAME_INTERNAL))),
                        ADVICE + "Received")
                .advise(
                        BASE,
                        named("receiveFrame").and(takesArguments(1)).and(takesArgument(0, named(FRAME_INTERNAL))),
                        ADVICE + "Handle")
                // 4.5: every write (the server's own writeFrame included) goes through unsafeWriteFrame
                .adviseOneOf("send", BASE, named("unsafeWriteFrame").and(takesArguments(1)), ADVICE + "Sent")
                // 5: writeFrame, where there is no unsafeWriteFrame (in 4.5 it calls it)
                .adviseOneOf(
                        "send",
                        BASE,
                        named("writeFrame")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("io.vertx.core.http.WebSocketFrame")))
                                .and(isDeclaredBy(not(declaresMethod(named("unsafeWriteFrame"))))),
                        ADVICE + "Sent")
                .advise(BASE, named("handleConnectionClosed").and(takesArguments(0)), ADVICE + "Closed")
                .advise(
                        CONTEXT,
                        named("reportException").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "HandlerThrew");
    }
}
