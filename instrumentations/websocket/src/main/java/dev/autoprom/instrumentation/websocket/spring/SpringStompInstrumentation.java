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
 * Handling time of STOMP over Spring WebSocket: the time the inbound channel's {@code @MessageMapping} dispatch
 * took for one frame of a recorded session ({@code AbstractMethodMessageHandler.handleMatch}: the method and the
 * handling of what it returns, {@code @SendTo} included), with the type of what the method threw
 * ({@code processHandlerMethodException}). The session's connection is found by its {@code simpSessionId}
 * header, registered by {@link SpringWebSocketServerInstrumentation} when the STOMP session opened.
 */
public final class SpringStompInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.websocket.spring.SpringAdvice$";
    private static final String MESSAGING = "org.springframework.messaging.";

    /** The classes this module instruments. */
    private static final String[] TYPES = {MESSAGING + "handler.invocation.AbstractMethodMessageHandler"};

    public SpringStompInstrumentation() {
        super("websocket", "spring-stomp", Targets.named(TYPES));
    }

    /**
     * Only where STOMP over Spring WebSocket can run: spring-messaging serves other transports too, and
     * spring-websocket (which holds the STOMP handler) runs without spring-messaging for raw handlers.
     */
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("org.springframework.web.socket.messaging.StompSubProtocolHandler")
                .and(LoaderHasClass.anyOf(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("handleMatch")
                                .and(takesArguments(4))
                                .and(takesArgument(1, named(MESSAGING + "handler.HandlerMethod")))
                                .and(takesArgument(3, named(MESSAGING + "Message"))),
                        ADVICE + "StompHandle")
                .advise(
                        named("processHandlerMethodException")
                                .and(takesArguments(3))
                                .and(takesArgument(1, Exception.class)),
                        ADVICE + "StompThrew");
    }
}
