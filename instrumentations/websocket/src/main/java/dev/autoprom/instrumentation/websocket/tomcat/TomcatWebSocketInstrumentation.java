package dev.autoprom.instrumentation.websocket.tomcat;

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
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The Jakarta WebSocket client as implemented by Tomcat ({@code org.apache.tomcat.websocket},
 * {@code websocket_library="jakarta"}). {@code WsWebSocketContainer.connectToServerRecursive} runs the whole
 * handshake on the caller's thread, so the client {@code WsSession} constructed inside it is tied to it through
 * a thread-local. Frames: {@code WsRemoteEndpointImplBase.startMessage} (its 5-argument form in Tomcat 11, the
 * 4-argument one in 10.1) and {@code sendMessageBlockInternal}
 * (every part sent, asynchronously or blocking; Tomcat itself splits
 * long texts into continuation frames) and {@code WsFrameBase.processRemainingHeader} (every frame header read).
 * Ends: {@code WsSession.fireEndpointOnClose}. Handling: {@code WsFrameBase.sendMessageText/sendMessageBinary}.
 * Server sessions are registered by {@link TomcatWebSocketServerInstrumentation}, then recorded by these hooks.
 */
public final class TomcatWebSocketInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.tomcat.TomcatAdvice$";
    private static final String PACKAGE = "org.apache.tomcat.websocket.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        PACKAGE + "WsWebSocketContainer", PACKAGE + "WsSession",
        PACKAGE + "WsRemoteEndpointImplBase", PACKAGE + "WsFrameBase"
    };

    private static final String ASYNC_SEND = "asynchronous send";

    private static ElementMatcher.Junction<MethodDescription> startMessage() {
        return named("startMessage").and(takesArgument(0, byte.class)).and(takesArgument(1, ByteBuffer.class));
    }

    public TomcatWebSocketInstrumentation() {
        super("websocket", "tomcat-websocket", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("connectToServerRecursive")
                                .and(takesArguments(4))
                                .and(takesArgument(2, URI.class))
                                .and(takesArgument(3, Set.class)),
                        ADVICE + "Connect")
                .advise(
                        isConstructor()
                                .and(takesArguments(8))
                                .and(takesArgument(0, named(PACKAGE + "ClientEndpointHolder"))),
                        ADVICE + "NewClientSession")
                .advise(named("fireEndpointOnClose").and(takesArguments(1)), ADVICE + "Closed")
                // asynchronous sends, and blocking ones (getBasicRemote(), pings, close), which bypass startMessage
                // Tomcat 11 sends every asynchronous part through startMessage(.., SendHandler, long), which its
                // 4-argument form calls; 10.1 has the 4-argument form only: advised only where the other is absent
                .adviseOneOf(ASYNC_SEND, null, startMessage().and(takesArguments(5)), ADVICE + "SendPart")
                .adviseOneOf(
                        ASYNC_SEND,
                        null,
                        startMessage()
                                .and(takesArguments(4))
                                .and(not(isDeclaredBy(
                                        declaresMethod(startMessage().and(takesArguments(5)))))),
                        ADVICE + "SendPart")
                .advise(
                        named("sendMessageBlockInternal")
                                .and(takesArguments(4))
                                .and(takesArgument(0, byte.class))
                                .and(takesArgument(1, ByteBuffer.class)),
                        ADVICE + "SendPart")
                .advise(named("processRemainingHeader").and(takesArguments(0)), ADVICE + "FrameHeader")
                .advise(named("sendMessageText").and(takesArguments(boolean.class)), ADVICE + "HandleText")
                .advise(
                        named("sendMessageBinary").and(takesArguments(ByteBuffer.class, boolean.class)),
                        ADVICE + "HandleBinary")
                .advise(named("handleThrowableOnSend").and(takesArguments(Throwable.class)), ADVICE + "HandlerThrew");
    }
}
