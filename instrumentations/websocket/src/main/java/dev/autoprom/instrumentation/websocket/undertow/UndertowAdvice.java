package dev.autoprom.instrumentation.websocket.undertow;

import dev.autoprom.instrumentation.websocket.WsConnection;
import io.undertow.server.protocol.framed.SendFrameHeader;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.asm.Advice;

/** Advice for Undertow's Jakarta WebSocket container and the core WebSocket channel under it. */
final class UndertowAdvice {

    private UndertowAdvice() {}

    /**
     * The {@code UndertowSession} constructor (channel, uri, path parameters, ..., config at 7, ..., client
     * connection builder at 13): a server session when it has no client connection builder.
     */
    static final class NewSession {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Argument(0) Object channel,
                @Advice.Argument(7) EndpointConfig config,
                @Advice.Argument(13) Object clientConnectionBuilder,
                @Advice.FieldValue("frameHandler") Object frameHandler) {
            if (clientConnectionBuilder == null && config instanceof ServerEndpointConfig) {
                ServerEndpointConfig server = (ServerEndpointConfig) config;
                Class<?> endpoint = server.getEndpointClass();
                UndertowHooks.serverSession(
                        channel, frameHandler, server.getPath(), endpoint == null ? null : endpoint.getName());
            }
        }
    }

    /** {@code UndertowSession.closeInternal(CloseReason)}: the call that flips {@code closed} ends the session. */
    static final class CloseInternal {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(@Advice.FieldValue("closed") AtomicBoolean closed) {
            return closed.get();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.Enter boolean wasClosed,
                @Advice.FieldValue("closed") AtomicBoolean closed,
                @Advice.FieldValue("localClose") boolean localClose,
                @Advice.FieldValue("webSocketChannel") WebSocketChannel channel,
                @Advice.FieldValue("frameHandler") Object frameHandler,
                @Advice.Argument(0) CloseReason reason) {
            if (!wasClosed && closed.get()) {
                UndertowHooks.sessionClosed(
                        channel,
                        channel.getCloseCode(),
                        channel.isCloseInitiatedByRemotePeer(),
                        localClose,
                        reason == null ? -1 : reason.getCloseCode().getCode(),
                        frameHandler);
            }
        }
    }

    /**
     * {@code WebSocket07Channel.WebSocketFrameHeader.handle(ByteBuffer)}: parses a received frame's header, maybe
     * over several calls; the call that completes it reports the frame.
     */
    static final class FrameHeader {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(@Advice.FieldValue("done") boolean done) {
            return done;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Enter boolean wasDone,
                @Advice.FieldValue("done") boolean done,
                @Advice.FieldValue("this$0") Object channel,
                @Advice.FieldValue("frameOpcode") int opcode,
                @Advice.FieldValue("framePayloadLength") long length,
                @Advice.FieldValue("frameFinalFlag") boolean fin) {
            if (done && !wasDone) {
                UndertowHooks.frameReceived(channel, opcode, length, fin);
            }
        }
    }

    /** {@code WebSocket07FrameSinkChannel.createFrameHeader()}: the header of each frame written. */
    static final class FrameSent {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This StreamSinkFrameChannel sink, @Advice.Return SendFrameHeader header) {
            if (header != null && header.getByteBuffer() != null) {
                UndertowHooks.frameSent(
                        sink.getWebSocketChannel(), header.getByteBuffer().getBuffer());
            }
        }
    }

    /** The run() of the task in which {@code FrameHandler} calls the application's text handler. */
    static final class HandleText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("this$0") Object frameHandler) {
            return UndertowHooks.handlingStarts(frameHandler);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            UndertowHooks.handled(WsConnection.TEXT, start);
        }
    }

    /** As {@link HandleText}, for the binary handler. */
    static final class HandleBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("this$0") Object frameHandler) {
            return UndertowHooks.handlingStarts(frameHandler);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            UndertowHooks.handled(WsConnection.BINARY, start);
        }
    }

    /**
     * {@code FrameHandler.invokeOnError(Throwable)} (a programmatic handler threw) and
     * {@code AnnotatedEndpoint.onError(Session, Throwable)} (an {@code @OnMessage} method threw): both run on
     * the handler's thread, inside the task the handling advice measures.
     */
    static final class HandlerThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable thrown) {
            UndertowHooks.handlerThrew(thrown);
        }
    }

    /** As {@link HandlerThrew}, for {@code AnnotatedEndpoint.onError(Session, Throwable)}. */
    static final class AnnotatedThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) Throwable thrown) {
            UndertowHooks.handlerThrew(thrown);
        }
    }

    /**
     * {@code JsrWebSocketFilter.doFilter(request, response, chain)}: an upgrade request answered without an
     * upgrade (no endpoint for the path, or none of its handshakes accepted it: a refused origin).
     */
    static final class FilterDone {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(
                @Advice.Argument(0) ServletRequest request,
                @Advice.Argument(1) ServletResponse response,
                @Advice.FieldValue("pathTemplateMatcher") io.undertow.util.PathTemplateMatcher<?> matcher) {
            if (response instanceof HttpServletResponse
                    && request instanceof HttpServletRequest
                    && ((HttpServletResponse) response).getStatus() >= 400
                    && ((HttpServletRequest) request).getHeader("Upgrade") != null) {
                HttpServletRequest http = (HttpServletRequest) request;
                String path =
                        http.getPathInfo() == null ? http.getServletPath() : http.getServletPath() + http.getPathInfo();
                if (!path.startsWith("/")) {
                    path = "/" + path;
                }
                io.undertow.util.PathTemplateMatch match = matcher.match(path);
                UndertowHooks.upgradeNotDone(
                        ((HttpServletResponse) response).getStatus(), match == null ? "" : match.getMatchedTemplate());
            }
        }
    }
}
