package dev.autoprom.instrumentation.websocket.tyrus;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jakarta WebSocket server endpoints on Tyrus ({@code websocket_library="jakarta"}; the standalone
 * {@code org.glassfish.tyrus.server.Server} and every container that runs Tyrus' engine), with the endpoint's
 * {@code ServerEndpointConfig.getPath()} template as {@code http_route}. The engine makes one
 * {@code TyrusConnection} per accepted upgrade: its {@code ProtocolHandler} is registered there as a server
 * connection, and the hooks of {@link TyrusInstrumentation}, which client and server share (open, frames,
 * handling, close, 1006 from the container's close task), record it from then on. Refused upgrades:
 * {@code TyrusWebSocketEngine.upgrade} failing the handshake (403 from an endpoint's origin check, under that
 * endpoint's template) or finding no endpoint for the path (404).
 */
public final class TyrusServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.tyrus.TyrusAdvice$";
    private static final String CORE = "org.glassfish.tyrus.core.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        CORE + "TyrusWebSocketEngine", CORE + "TyrusWebSocketEngine$TyrusConnection", CORE + "TyrusEndpointWrapper"
    };

    public TyrusServerInstrumentation() {
        super("websocket", "tyrus-server", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        CORE + "TyrusWebSocketEngine$TyrusConnection",
                        isConstructor()
                                .and(takesArgument(0, named(CORE + "TyrusEndpointWrapper")))
                                .and(takesArgument(1, named(CORE + "ProtocolHandler"))),
                        ADVICE + "NewServerConnection")
                .advise(
                        CORE + "TyrusWebSocketEngine",
                        named("upgrade")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("org.glassfish.tyrus.spi.UpgradeRequest")))
                                .and(takesArgument(1, named("org.glassfish.tyrus.spi.UpgradeResponse"))),
                        ADVICE + "ServerUpgrade")
                .advise(
                        CORE + "TyrusEndpointWrapper",
                        named("upgrade")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("org.glassfish.tyrus.spi.UpgradeRequest"))),
                        ADVICE + "EndpointTried");
    }
}
