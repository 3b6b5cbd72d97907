package dev.autoprom.instrumentation.websocket.jetty;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jetty 12's WebSocket core, under both of Jetty's client APIs: its own {@code WebSocketClient}
 * ({@code websocket_library="jetty"}) and its Jakarta client container ({@code "jakarta"}; ee9/ee10/ee11),
 * told apart by the upgrade request's class. Handshake: {@code WebSocketCoreClient.connect(request)},
 * {@code CoreClientUpgradeRequest.upgrade} (success) and {@code handleException} (failure). Connection:
 * {@code WebSocketCoreSession} — created inside {@code upgrade} on the same thread, which is how it is tied to
 * its request — with {@code onOpen}, {@code closeConnection} (every end, 1006 included), {@code sendFrame}
 * (frames as the application sent them, before extensions) and the incoming adaptor's {@code onFrame} (after
 * extensions, so sizes are uncompressed). Jetty's server sessions never pass through a client upgrade: they
 * are registered by {@link JettyWebSocketServerInstrumentation}, and then recorded by these same session hooks.
 */
public final class JettyWebSocketInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.jetty.JettyAdvice$";
    private static final String CORE = "org.eclipse.jetty.websocket.core.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        CORE + "client.WebSocketCoreClient", CORE + "client.CoreClientUpgradeRequest",
        CORE + "WebSocketCoreSession", CORE + "WebSocketCoreSession$IncomingAdaptor"
    };

    public JettyWebSocketInstrumentation() {
        super("websocket", "jetty-websocket", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("connect")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named(CORE + "client.CoreClientUpgradeRequest"))),
                        ADVICE + "Connect")
                .advise(
                        named("upgrade")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("org.eclipse.jetty.client.Response"))),
                        ADVICE + "Upgrade")
                .advise(named("handleException").and(takesArguments(Throwable.class)), ADVICE + "HandleException")
                .advise(
                        isConstructor().and(takesArguments(4)).and(takesArgument(1, named(CORE + "Behavior"))),
                        ADVICE + "NewSession")
                .advise(
                        named("onOpen").and(takesArguments(0)).and(isDeclaredBy(named(CORE + "WebSocketCoreSession"))),
                        ADVICE + "Open")
                .advise(
                        named("closeConnection")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(CORE + "CloseStatus"))),
                        ADVICE + "CloseConnection")
                .advise(
                        named("processConnectionError").and(takesArguments(2)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "ConnectionError")
                .advise(
                        named("sendFrame").and(takesArguments(1)).and(takesArgument(0, named(CORE + "OutgoingEntry"))),
                        ADVICE + "SendFrame")
                .advise(
                        named("onFrame")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(CORE + "Frame")))
                                .and(isDeclaredBy(named(CORE + "WebSocketCoreSession$IncomingAdaptor"))),
                        ADVICE + "ReceiveFrame")
                .advise(
                        named("processHandlerError").and(takesArguments(2)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "HandlerError");
    }
}
