package dev.autoprom.instrumentation.websocket.vertx;

import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.WsConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameInternal;
import net.bytebuddy.asm.Advice;

/** Advice for Vert.x core's server WebSockets (4.5 and 5), inlined into Vert.x's classes. */
final class VertxWebSocketAdvice {

    private VertxWebSocketAdvice() {}

    /** {@code Http1xServerRequest.routed(String)}: the route Vert.x Web runs for this request. */
    static final class Routed {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object request, @Advice.Argument(0) String route) {
            VertxWebSocketHooks.routed(request, route);
        }
    }

    /**
     * Vert.x 4.5 {@code ServerWebSocketImpl.handleHandshake(int)}: the application (or Vert.x after its handler)
     * accepted (101: the handshake is written, the socket open) or rejected the upgrade with that status. Acts
     * only on the call that decides (the status was not set before).
     */
    static final class Handshake4 {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.FieldValue("status") Integer status, @Advice.FieldValue("request") Object request) {
            return status == null ? request : null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.This Object socket,
                @Advice.Argument(0) int sc,
                @Advice.Enter Object request,
                @Advice.FieldValue("status") Integer status) {
            if (request == null || status == null) {
                return;
            }
            if (sc == 101 && status == 101) {
                VertxWebSocketHooks.opened(socket, request);
            } else if (sc != 101) {
                VertxWebSocketHooks.rejected(request, sc);
            }
        }
    }

    /** Vert.x 5 {@code new ServerWebSocketImpl(..)}: made once the handshake has been written, so open now. */
    static final class Created5 {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object socket, @Advice.Argument(3) Object request) {
            VertxWebSocketHooks.opened(socket, request);
        }
    }

    /**
     * {@code Http1xServerConnection.responseComplete()}: an upgrade request answered with an error status (a route
     * handler's 403, the router's 404, Vert.x 5's {@code ServerWebSocketHandshake.reject}) is a refused upgrade.
     * Counted on the call that takes the request away (a call off the event loop only reschedules itself).
     */
    static final class ResponseComplete {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static HttpServerRequest enter(@Advice.FieldValue("responseInProgress") HttpServerRequest request) {
            return request;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Enter HttpServerRequest request,
                @Advice.FieldValue("responseInProgress") HttpServerRequest after) {
            if (request == null || after == request) {
                return;
            }
            int status = request.response().getStatusCode();
            if (status >= 400 && request.headers().contains("upgrade", "websocket", true)) {
                VertxWebSocketHooks.rejected(request, status);
            }
        }
    }

    /** {@code WebSocketImplBase.handleFrame(WebSocketFrameInternal)}: every frame read, on the event loop. */
    static final class Received {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object socket, @Advice.Argument(0) WebSocketFrameInternal frame) {
            WsConnection connection = VertxWebSocketHooks.connection(socket);
            if (connection != null) {
                WebSocketFrameType t = frame.type();
                int type = t == WebSocketFrameType.TEXT
                        ? WsConnection.TEXT
                        : t == WebSocketFrameType.BINARY
                                ? WsConnection.BINARY
                                : t == WebSocketFrameType.CONTINUATION
                                        ? WsConnection.CONTINUATION
                                        : t == WebSocketFrameType.PING
                                                ? WsConnection.PING
                                                : t == WebSocketFrameType.PONG
                                                        ? WsConnection.PONG
                                                        : WsConnection.NOT_COUNTED;
                connection.received().part(type, frame.length(), frame.isFinal());
            }
        }
    }

    /**
     * The frame write of every message the application sends ({@code writeTextMessage}, {@code writeFrame},
     * {@code write}, fragments): Vert.x 4.5's {@code unsafeWriteFrame(WebSocketFrameImpl)}, Vert.x 5's
     * {@code writeFrame(WebSocketFrame)}. A socket already closed fails the write at once: not counted.
     */
    static final class Sent {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.This Object socket,
                @Advice.Argument(0) WebSocketFrame frame,
                @Advice.FieldValue("closed") boolean closed,
                @Advice.FieldValue("closeStatusCode") Short closeStatusCode) {
            if (closed || closeStatusCode != null) {
                return;
            }
            WsConnection connection = VertxWebSocketHooks.connection(socket);
            if (connection != null && frame instanceof WebSocketFrameInternal) {
                WebSocketFrameType t = frame.type();
                int type = t == WebSocketFrameType.TEXT
                        ? WsConnection.TEXT
                        : t == WebSocketFrameType.BINARY
                                ? WsConnection.BINARY
                                : t == WebSocketFrameType.CONTINUATION
                                        ? WsConnection.CONTINUATION
                                        : t == WebSocketFrameType.PING
                                                ? WsConnection.PING
                                                : t == WebSocketFrameType.PONG
                                                        ? WsConnection.PONG
                                                        : WsConnection.NOT_COUNTED;
                connection.sent().part(type, ((WebSocketFrameInternal) frame).length(), frame.isFinal());
            }
        }
    }

    /**
     * {@code WebSocketImplBase.receiveFrame(WebSocketFrameInternal)} (private): the frame goes to the application's
     * handlers, synchronously: the message handlers ({@code textMessageHandler}, {@code binaryMessageHandler},
     * through Vert.x's aggregator, at a message's last frame), the {@code frameHandler} and the {@code handler}
     * (each data frame). Timed for a data frame that reaches one of them.
     */
    static final class Handle {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(
                @Advice.This Object socket,
                @Advice.Argument(0) WebSocketFrameInternal frame,
                @Advice.FieldValue("frameAggregator") Object aggregator,
                @Advice.FieldValue("frameHandler") Object frameHandler,
                @Advice.FieldValue("handler") Object handler) {
            WebSocketFrameType t = frame.type();
            if (t != WebSocketFrameType.TEXT
                    && t != WebSocketFrameType.BINARY
                    && t != WebSocketFrameType.CONTINUATION) {
                return 0L;
            }
            boolean perFrame = frameHandler != null || handler != null;
            if (!perFrame && (aggregator == null || !frame.isFinal())) {
                return 0L;
            }
            return VertxWebSocketHooks.handlingStarts(socket);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            HandlerErrors.finish(HandlerErrors.LAST_RECEIVED, start, thrown);
        }
    }

    /** {@code ContextImpl.reportException(Throwable)}: a handler threw inside Vert.x's dispatch, which caught it. */
    static final class HandlerThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable error) {
            VertxWebSocketHooks.handlerThrew(error);
        }
    }

    /** {@code WebSocketImplBase.handleConnectionClosed()}: the connection under the socket is gone. */
    static final class Closed {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object socket, @Advice.FieldValue("closeStatusCode") Short closeStatusCode) {
            VertxWebSocketHooks.closed(socket, closeStatusCode);
        }
    }
}
