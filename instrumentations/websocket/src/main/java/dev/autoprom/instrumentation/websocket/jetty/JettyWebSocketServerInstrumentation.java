package dev.autoprom.instrumentation.websocket.jetty;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jetty 12's WebSocket server core, under Jetty's own server API ({@code websocket_library="jetty"}) and its
 * Jakarta containers ({@code "jakarta"}; ee10), told apart by the frame handler's class. A server session is
 * registered where the handshaker makes it ({@code AbstractHandshaker.newWebSocketCoreSession}), with the
 * declaration of the path spec that matched ({@code /chat/{room}}) as {@code http_route}; from then on the
 * session hooks of {@link JettyWebSocketInstrumentation} (open, frames, handling, close, errors) record it like
 * a client's. Refused upgrades: {@code WebSocketMappings.upgrade} finding no mapping (404) or ending with an
 * error status set by a creator or configurator (403).
 */
public final class JettyWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.jetty.JettyAdvice$";
    private static final String SERVER = "org.eclipse.jetty.websocket.core.server.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {SERVER + "internal.AbstractHandshaker", SERVER + "WebSocketMappings"};

    public JettyWebSocketServerInstrumentation() {
        super("websocket", "jetty-websocket-server", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("newWebSocketCoreSession")
                                .and(takesArguments(4))
                                .and(takesArgument(0, named("org.eclipse.jetty.server.Request")))
                                .and(takesArgument(1, named("org.eclipse.jetty.websocket.core.FrameHandler"))),
                        ADVICE + "NewServerSession")
                .advise(
                        named("upgrade")
                                .and(takesArguments(4))
                                .and(takesArgument(0, named("org.eclipse.jetty.server.Request")))
                                .and(takesArgument(1, named("org.eclipse.jetty.server.Response"))),
                        ADVICE + "MappingsUpgrade");
    }
}
