package dev.autoprom.instrumentation.websocket.tyrus;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.net.URI;

/**
 * The Jakarta WebSocket client as implemented by Tyrus ({@code websocket_library="jakarta"}), which is also
 * what Spring's {@code StandardWebSocketClient} runs on when Tyrus is the container. Instrumented below the
 * Jakarta API, where every endpoint style (annotated, programmatic, whole or partial handlers) meets:
 * {@code TyrusClientEngine} (one per connection attempt: handshake), the client containers (a connection
 * that could not even be opened), {@code TyrusWebSocket} (open, close) and {@code ProtocolHandler}
 * (every frame written and every frame processed). A client connection is one {@code ProtocolHandler}, the
 * registry key; server connections are registered by {@link TyrusServerInstrumentation}.
 */
public final class TyrusInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.tyrus.TyrusAdvice$";
    private static final String CORE = "org.glassfish.tyrus.core.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "org.glassfish.tyrus.client.TyrusClientEngine",
        CORE + "TyrusWebSocket",
        CORE + "ProtocolHandler",
        CORE + "TyrusEndpointWrapper",
        CORE + "AnnotatedEndpoint",
        "org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer",
        "org.glassfish.tyrus.container.jdk.client.JdkClientContainer"
    };

    public TyrusInstrumentation() {
        super("websocket", "tyrus", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(isConstructor().and(takesArguments(5)).and(takesArgument(3, URI.class)), ADVICE + "NewEngine")
                .advise(
                        named("openClientSocket")
                                .and(takesArguments(3))
                                .and(takesArgument(2, named("org.glassfish.tyrus.spi.ClientEngine"))),
                        ADVICE + "OpenSocket")
                .advise(
                        named("processResponse")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named("org.glassfish.tyrus.spi.UpgradeResponse"))),
                        ADVICE + "ProcessResponse")
                .advise(named("processError").and(takesArguments(Throwable.class)), ADVICE + "ProcessError")
                .advise(named("onConnect").and(takesArguments(5)), ADVICE + "OnConnect")
                .advise(
                        named("onClose").and(takesArguments(1)).and(takesArgument(0, named(CORE + "frame.CloseFrame"))),
                        ADVICE + "OnClose")
                .advise(
                        named("write").and(takesArguments(4)).and(takesArgument(0, named(CORE + "frame.TyrusFrame"))),
                        ADVICE + "WriteFrame")
                .advise(
                        named("process")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(CORE + "frame.Frame")))
                                .and(takesArgument(1, named(CORE + "TyrusWebSocket"))),
                        ADVICE + "ProcessFrame")
                .advise(
                        named("onMessage")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named(CORE + "frame.TextFrame"))),
                        ADVICE + "HandleText")
                .advise(
                        named("onMessage")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named(CORE + "frame.BinaryFrame"))),
                        ADVICE + "HandleBinary")
                .advise(
                        named("onFragment")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(CORE + "frame.TextFrame"))),
                        ADVICE + "HandleTextFragment")
                .advise(
                        named("onFragment")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(CORE + "frame.BinaryFrame"))),
                        ADVICE + "HandleBinaryFragment")
                .advise(
                        named("processThrowable")
                                .and(takesArguments(2))
                                .and(takesArgument(0, Throwable.class))
                                .and(takesArgument(1, named("jakarta.websocket.Session"))),
                        ADVICE + "HandlerThrew")
                // an annotated endpoint's @OnMessage method: Tyrus' AnnotatedEndpoint catches what it throws and
                // hands it to onError itself, on the handler's thread (processThrowable never sees it)
                .advise(
                        CORE + "AnnotatedEndpoint",
                        named("onError")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("jakarta.websocket.Session")))
                                .and(takesArgument(1, Throwable.class)),
                        ADVICE + "AnnotatedThrew");
    }
}
