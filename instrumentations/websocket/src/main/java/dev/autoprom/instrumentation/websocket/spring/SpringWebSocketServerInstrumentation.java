package dev.autoprom.instrumentation.websocket.spring;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Spring {@code WebSocketHandler}s on a servlet container ({@code websocket_library="spring"}, {@code http_route}:
 * the path pattern the handler was registered with, {@code /chat/{room}}). The container records the session
 * (on Tomcat: {@code tomcat-websocket-server}, frames, close codes); this module tells it the route and the
 * library of the upgrade it runs ({@code WebSocketHttpRequestHandler.handleRequest}, which reads the pattern
 * Spring's handler mapping matched), times the application's handler inside the container's dispatch
 * ({@code LoggingWebSocketHandlerDecorator.handleMessage}, the decorator Spring puts right around every
 * registered handler), counts refused handshakes (an interceptor's or the handshake handler's status) and
 * upgrade requests no mapping took ({@code DispatcherServlet.doService} ending with 404).
 */
public final class SpringWebSocketServerInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.spring.SpringAdvice$";
    private static final String SOCKET = "org.springframework.web.socket.";
    private static final String SESSION = SOCKET + "WebSocketSession";
    private static final String REQUEST = "jakarta.servlet.http.HttpServletRequest";
    private static final String RESPONSE = "jakarta.servlet.http.HttpServletResponse";

    /** The classes this module instruments; the first one's jar gives the version. */
    private static final String[] TYPES = {
        SOCKET + "server.support.WebSocketHttpRequestHandler",
        SOCKET + "handler.LoggingWebSocketHandlerDecorator",
        "org.springframework.web.servlet.DispatcherServlet"
    };

    public SpringWebSocketServerInstrumentation() {
        super("websocket", "spring-websocket-server", Targets.named(TYPES));
    }

    /** Only where Spring's WebSocket support is: a Spring MVC application without it keeps its dispatcher as is. */
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(TYPES[0]).and(LoaderHasClass.anyOf(TYPES[2]));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("handleRequest")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(REQUEST)))
                                .and(takesArgument(1, named(RESPONSE))),
                        ADVICE + "Upgrade")
                .advise(
                        named("handleMessage")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(SESSION)))
                                .and(takesArgument(1, named(SOCKET + "WebSocketMessage"))),
                        ADVICE + "HandleMessage")
                .advise(
                        named("afterConnectionEstablished")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named(SESSION))),
                        ADVICE + "Established")
                .advise(
                        named("afterConnectionClosed").and(takesArguments(2)).and(takesArgument(0, named(SESSION))),
                        ADVICE + "Closed")
                .advise(
                        named("doService")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named(REQUEST)))
                                .and(takesArgument(1, named(RESPONSE))),
                        ADVICE + "DispatchDone");
    }
}
