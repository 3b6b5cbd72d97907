package dev.autoprom.instrumentation.websocket.spring;

import dev.autoprom.instrumentation.websocket.WsConnection;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.bytebuddy.asm.Advice;
import org.springframework.messaging.Message;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/** Advice for Spring WebSocket on a servlet container, and for STOMP over it. */
final class SpringAdvice {

    private SpringAdvice() {}

    /**
     * {@code WebSocketHttpRequestHandler.handleRequest(request, response)}: the upgrade of a registered handler;
     * the pattern Spring's handler mapping matched is on the request.
     */
    static final class Upgrade {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) HttpServletRequest request) {
            SpringHooks.upgradeStarts(request.getAttribute(SpringHooks.BEST_MATCHING_PATTERN));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Argument(1) HttpServletResponse response, @Advice.Thrown Throwable thrown) {
            SpringHooks.upgradeDone(response.getStatus(), thrown);
        }
    }

    /**
     * {@code LoggingWebSocketHandlerDecorator.handleMessage(session, message)}: Spring calls the registered
     * handler (its delegate) for one message; what it throws passes through here.
     */
    static final class HandleMessage {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This WebSocketHandlerDecorator decorator) {
            return SpringHooks.handlingStarts(WebSocketHandlerDecorator.unwrap(decorator.getDelegate())
                    .getClass()
                    .getName());
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.Enter long start,
                @Advice.Argument(1) WebSocketMessage<?> message,
                @Advice.Thrown Throwable thrown) {
            if (start != 0L) {
                SpringHooks.handled(
                        message instanceof BinaryMessage
                                ? WsConnection.BINARY
                                : message instanceof PongMessage ? WsConnection.PONG : WsConnection.TEXT,
                        start,
                        thrown);
            }
        }
    }

    /** {@code LoggingWebSocketHandlerDecorator.afterConnectionEstablished(session)}: a STOMP session is noted. */
    static final class Established {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.This WebSocketHandlerDecorator decorator, @Advice.Argument(0) WebSocketSession session) {
            String handler = WebSocketHandlerDecorator.unwrap(decorator.getDelegate())
                    .getClass()
                    .getName();
            if (SpringHooks.isStomp(handler)) {
                SpringHooks.stompOpened(
                        session.getId(),
                        session instanceof NativeWebSocketSession
                                ? ((NativeWebSocketSession) session).getNativeSession()
                                : null);
            }
        }
    }

    /** {@code LoggingWebSocketHandlerDecorator.afterConnectionClosed(session, status)}. */
    static final class Closed {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.This WebSocketHandlerDecorator decorator, @Advice.Argument(0) WebSocketSession session) {
            String handler = WebSocketHandlerDecorator.unwrap(decorator.getDelegate())
                    .getClass()
                    .getName();
            if (SpringHooks.isStomp(handler)) {
                SpringHooks.stompClosed(session.getId());
            }
        }
    }

    /**
     * {@code DispatcherServlet.doService(request, response)}: an upgrade request that ends with 404 found no
     * WebSocket handler (nor anything else) at its path.
     */
    static final class DispatchDone {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.Argument(0) HttpServletRequest request, @Advice.Argument(1) HttpServletResponse response) {
            if (response.getStatus() == 404 && request.getDispatcherType() == DispatcherType.REQUEST) {
                SpringHooks.notFound(request.getHeader("Upgrade"));
            }
        }
    }

    /**
     * {@code AbstractMethodMessageHandler.handleMatch(mapping, handlerMethod, destination, message)}: the inbound
     * channel calls a {@code @MessageMapping} method for one STOMP frame of the session the header names.
     */
    static final class StompHandle {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.Argument(3) Message<?> message) {
            return SpringHooks.stompHandlingStarts(message.getHeaders().get(SpringHooks.SESSION_ID_HEADER));
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            SpringHooks.stompHandled(start, thrown);
        }
    }

    /** {@code processHandlerMethodException(handlerMethod, exception, message)}: the method threw. */
    static final class StompThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) Exception thrown) {
            SpringHooks.stompThrew(thrown);
        }
    }
}
