package dev.autoprom.instrumentation.websocket.tomcat;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jakarta WebSocket server endpoints on Tomcat ({@code websocket_library="jakarta"}, {@code http_route}: the
 * endpoint's {@code ServerEndpointConfig.getPath()} template). The server {@code WsSession} constructor opens
 * the connection; frames, handling time and the end go through the hooks Tomcat's client and server share
 * ({@link TomcatWebSocketInstrumentation}: {@code WsFrameBase}, {@code WsRemoteEndpointImplBase},
 * {@code WsSession.fireEndpointOnClose}), which record whatever session is registered. Refused upgrades:
 * {@code UpgradeUtil.doUpgrade} ending without 101 (a configurator's 403) and {@code WsServerContainer.findMapping}
 * finding no endpoint for a request that then ends with 404 ({@code WsFilter.doFilter}'s response: a servlet may
 * upgrade it itself, as Spring does). Annotated endpoints' failures are read where
 * Tomcat's POJO handler catches them.
 */
public final class TomcatWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.tomcat.TomcatAdvice$";
    private static final String PACKAGE = "org.apache.tomcat.websocket.";
    private static final String POJO_FAILURE = "annotated handler failure";

    /** The classes this module instruments. */
    private static final String[] TYPES = {
        PACKAGE + "WsSession",
        PACKAGE + "server.UpgradeUtil",
        PACKAGE + "server.WsServerContainer",
        PACKAGE + "server.WsPerSessionServerEndpointConfig",
        PACKAGE + "server.WsFilter",
        PACKAGE + "pojo.PojoMessageHandlerBase"
    };

    public TomcatWebSocketServerInstrumentation() {
        super("websocket", "tomcat-websocket-server", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        isConstructor()
                                .and(takesArguments(12))
                                .and(takesArgument(11, named("jakarta.websocket.server.ServerEndpointConfig"))),
                        ADVICE + "NewServerSession")
                .advise(
                        named("doUpgrade")
                                .and(takesArguments(5))
                                .and(takesArgument(2, named("jakarta.servlet.http.HttpServletResponse")))
                                .and(takesArgument(3, named("jakarta.websocket.server.ServerEndpointConfig"))),
                        ADVICE + "DoUpgrade")
                .advise(
                        isConstructor()
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("jakarta.websocket.server.ServerEndpointConfig"))),
                        ADVICE + "PerSessionConfig")
                .advise(
                        named("doFilter")
                                .and(takesArguments(3))
                                .and(takesArgument(1, named("jakarta.servlet.ServletResponse"))),
                        ADVICE + "FilterDone")
                .advise(named("findMapping").and(takesArguments(String.class)), ADVICE + "FindMapping")
                // Tomcat 11 passes the InvocationTargetException, 10.1 the unwrapped throwable
                .adviseOneOf(
                        POJO_FAILURE,
                        null,
                        named("handlePojoMethodInvocationTargetException").and(takesArguments(1)),
                        ADVICE + "PojoThrew")
                .adviseOneOf(
                        POJO_FAILURE,
                        null,
                        named("handlePojoMethodException").and(takesArguments(Throwable.class)),
                        ADVICE + "PojoThrew");
    }
}
