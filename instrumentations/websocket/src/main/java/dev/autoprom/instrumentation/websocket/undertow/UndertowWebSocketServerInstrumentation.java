package dev.autoprom.instrumentation.websocket.undertow;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jakarta WebSocket server endpoints on Undertow 2.3 ({@code undertow-websockets-jsr}; {@code
 * websocket_library="jakarta"}, {@code http_route}: the endpoint's {@code ServerEndpointConfig.getPath()}
 * template). A server {@code UndertowSession} opens the connection; frames are read where Undertow's core
 * parses a received frame header ({@code WebSocket07Channel.WebSocketFrameHeader}, versions 7, 8 and 13) and
 * writes one ({@code WebSocket07FrameSinkChannel.createFrameHeader}), so a fragmented message counts once, whole;
 * the end is {@code UndertowSession.closeInternal}, with the code Undertow gives {@code onClose} (1006 when the
 * peer vanished). Handling time: the tasks in which the JSR {@code FrameHandler} calls the application's text
 * or binary handler (anonymous classes, told apart by the values they capture), with the failure Undertow or
 * its annotated endpoint catches. Refused upgrades: {@code JsrWebSocketFilter.doFilter} answering an upgrade
 * request with 400 or more.
 */
public final class UndertowWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.undertow.UndertowAdvice$";
    private static final String JSR = "io.undertow.websockets.jsr.";
    private static final String CORE = "io.undertow.websockets.core.";
    private static final String FRAME_HANDLER = JSR + "FrameHandler";

    /** The classes this module instruments; FrameHandler's tasks are anonymous, numbered by the compiler. */
    private static final String[] TYPES = types();

    private static String[] types() {
        String[] fixed = {
            JSR + "UndertowSession",
            JSR + "JsrWebSocketFilter",
            JSR + "annotated.AnnotatedEndpoint",
            FRAME_HANDLER,
            CORE + "protocol.version07.WebSocket07Channel$WebSocketFrameHeader",
            CORE + "protocol.version07.WebSocket07FrameSinkChannel"
        };
        int tasks = 12;
        String[] all = new String[fixed.length + tasks];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        for (int i = 0; i < tasks; i++) {
            all[fixed.length + i] = FRAME_HANDLER + "$" + (i + 1);
        }
        return all;
    }

    public UndertowWebSocketServerInstrumentation() {
        super("websocket", "undertow-websocket-server", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        JSR + "UndertowSession",
                        isConstructor()
                                .and(takesArguments(14))
                                .and(takesArgument(0, named(CORE + "WebSocketChannel")))
                                .and(takesArgument(7, named("jakarta.websocket.EndpointConfig"))),
                        ADVICE + "NewSession")
                .advise(
                        JSR + "UndertowSession",
                        named("closeInternal")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("jakarta.websocket.CloseReason"))),
                        ADVICE + "CloseInternal")
                .advise(
                        CORE + "protocol.version07.WebSocket07Channel$WebSocketFrameHeader",
                        named("handle").and(takesArguments(1)).and(takesArgument(0, named("java.nio.ByteBuffer"))),
                        ADVICE + "FrameHeader")
                .advise(
                        CORE + "protocol.version07.WebSocket07FrameSinkChannel",
                        named("createFrameHeader").and(takesArguments(0)),
                        ADVICE + "FrameSent")
                // the task of invokeTextHandler captures the message text, that of invokeBinaryHandler the pooled
                // buffers; both the final-fragment flag (the pong task has none)
                .advise(
                        named("run")
                                .and(takesArguments(0))
                                .and(isDeclaredBy(declaresField(named("val$finalFragment"))
                                        .and(declaresField(named("val$message"))))),
                        ADVICE + "HandleText")
                .advise(
                        named("run")
                                .and(takesArguments(0))
                                .and(isDeclaredBy(declaresField(named("val$finalFragment"))
                                        .and(declaresField(named("val$pooled"))))),
                        ADVICE + "HandleBinary")
                .advise(
                        FRAME_HANDLER,
                        named("invokeOnError").and(takesArguments(Throwable.class)),
                        ADVICE + "HandlerThrew")
                .advise(
                        JSR + "annotated.AnnotatedEndpoint",
                        named("onError")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("jakarta.websocket.Session")))
                                .and(takesArgument(1, Throwable.class)),
                        ADVICE + "AnnotatedThrew")
                .advise(
                        JSR + "JsrWebSocketFilter",
                        named("doFilter")
                                .and(takesArguments(3))
                                .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
                        ADVICE + "FilterDone");
    }
}
