package dev.autoprom.instrumentation.websocket.webflux;

import dev.autoprom.instrumentation.websocket.WsConnection;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import net.bytebuddy.asm.Advice;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Advice for Spring WebFlux's WebSocket support on Reactor Netty, inlined into Spring's and Reactor Netty's classes. */
final class WebFluxWebSocketAdvice {

    private WebFluxWebSocketAdvice() {}

    /**
     * {@code WebSocketHandlerAdapter.handle(exchange, handler)}: a handler mapping sent this request to a
     * {@code WebSocketHandler}; the pattern it matched is the route (the attribute every WebFlux mapping sets).
     */
    static final class Upgrading {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) ServerWebExchange exchange) {
            Object native_ = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
            if (native_ instanceof Connection) {
                WebFluxWebSocketHooks.upgrading(
                        ((Connection) native_).channel(),
                        exchange.getAttributes()
                                .get("org.springframework.web.reactive.HandlerMapping.bestMatchingPattern"));
            }
        }
    }

    /** {@code new ReactorNettyWebSocketSession(inbound, outbound, info, factory, maxFramePayloadLength)}: open. */
    static final class SessionCreated {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object session, @Advice.Argument(0) Object inbound) {
            if (inbound instanceof Connection) {
                WebFluxWebSocketHooks.opened(session, inbound, ((Connection) inbound).channel());
            }
        }
    }

    /** {@code NettyWebSocketSessionSupport.toMessage(WebSocketFrame)}: a message the application receives (whole). */
    static final class Received {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object session, @Advice.Argument(0) WebSocketFrame frame) {
            WsConnection connection = WebFluxWebSocketHooks.connection(session);
            if (connection != null) {
                int type = frame instanceof TextWebSocketFrame
                        ? WsConnection.TEXT
                        : frame instanceof BinaryWebSocketFrame
                                ? WsConnection.BINARY
                                : frame instanceof ContinuationWebSocketFrame
                                        ? WsConnection.CONTINUATION
                                        : frame instanceof PingWebSocketFrame
                                                ? WsConnection.PING
                                                : frame instanceof PongWebSocketFrame
                                                        ? WsConnection.PONG
                                                        : WsConnection.NOT_COUNTED;
                connection.received().part(type, frame.content().readableBytes(), frame.isFinalFragment());
            }
        }
    }

    /** {@code NettyWebSocketSessionSupport.toFrame(WebSocketMessage)}: the frame of a message the application sends. */
    static final class Sent {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object session, @Advice.Return WebSocketFrame frame) {
            WsConnection connection = frame == null ? null : WebFluxWebSocketHooks.connection(session);
            if (connection != null) {
                int type = frame instanceof TextWebSocketFrame
                        ? WsConnection.TEXT
                        : frame instanceof BinaryWebSocketFrame
                                ? WsConnection.BINARY
                                : frame instanceof ContinuationWebSocketFrame
                                        ? WsConnection.CONTINUATION
                                        : frame instanceof PingWebSocketFrame
                                                ? WsConnection.PING
                                                : frame instanceof PongWebSocketFrame
                                                        ? WsConnection.PONG
                                                        : WsConnection.NOT_COUNTED;
                connection.sent().part(type, frame.content().readableBytes(), frame.isFinalFragment());
            }
        }
    }

    /**
     * {@code WebsocketServerOperations.onInboundNext(ctx, frame)}: every frame read. A close frame gives the close
     * code; any other is delivered to the application's operators inside this call, which is marked for
     * {@link OperatorError}.
     */
    static final class InboundFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.This Object operations, @Advice.Argument(1) Object frame) {
            if (frame instanceof CloseWebSocketFrame && ((CloseWebSocketFrame) frame).isFinalFragment()) {
                WebFluxWebSocketHooks.closeCode(operations, ((CloseWebSocketFrame) frame).statusCode());
            }
            return WebFluxWebSocketHooks.delivering(operations);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter Object previous) {
            WebFluxWebSocketHooks.delivered(previous);
        }
    }

    /**
     * {@code Operators.onOperatorError(subscription, error, signal, context)}: where every Reactor operator reports
     * the exception a function of the application threw (the other overloads call this one).
     */
    static final class OperatorError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) Throwable error) {
            WebFluxWebSocketHooks.operatorError(error);
        }
    }

    /**
     * {@code WebsocketServerOperations.sendCloseNow(frame, status, listener)}: Reactor Netty closes: the echo of the
     * peer's close, 1000 when the handler completed, 1002 when its send failed, and a frame without a code (1005)
     * when the inbound was cancelled (an operator of the application's that threw). The code on the wire is taken,
     * not the status Reactor Netty reports to the application (1006 for that last one); nothing goes on the
     * wire once the channel is inactive (the peer vanished: 1006).
     */
    static final class SendCloseNow {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object operations, @Advice.Argument(0) CloseWebSocketFrame frame) {
            if (frame.isFinalFragment() && ((Connection) operations).channel().isActive()) {
                WebFluxWebSocketHooks.closeCode(operations, frame.statusCode());
            }
        }
    }

    /** {@code WebsocketServerOperations.sendClose(CloseWebSocketFrame)}: the application's {@code session.close(status)}. */
    static final class SendClose {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object operations, @Advice.Argument(0) CloseWebSocketFrame frame) {
            if (((Connection) operations).channel().isActive()) {
                WebFluxWebSocketHooks.closeCode(operations, frame.statusCode());
            }
        }
    }

    /** {@code HttpServerOperations.WebsocketSubscriber.onError(Throwable)}: the {@code WebSocketHandler}'s Mono failed. */
    static final class HandlerFailed {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("ops") Object operations, @Advice.Argument(0) Throwable error) {
            WebFluxWebSocketHooks.handlerFailed(operations, error);
        }
    }

    /** {@code ChannelOperations.terminate()}: Reactor Netty is done with these operations (any, HTTP ones too). */
    static final class Terminated {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object operations) {
            WebFluxWebSocketHooks.ended(operations);
        }
    }

    /**
     * {@code HttpOperations.markSentHeaders(..)} returning true: a server response's headers go out now, once. An
     * upgrade request answered with 400 or more is a refused upgrade (the status is read only then).
     */
    static final class HeadersSent {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object operations, @Advice.Return boolean marked) {
            if (marked && operations instanceof HttpServerResponse) {
                int status = ((HttpServerResponse) operations).status().code();
                if (status >= 400
                        && operations instanceof HttpServerRequest
                        && ((HttpServerRequest) operations)
                                .requestHeaders()
                                .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                    WebFluxWebSocketHooks.refused(((Connection) operations).channel(), status);
                }
            }
        }
    }
}
