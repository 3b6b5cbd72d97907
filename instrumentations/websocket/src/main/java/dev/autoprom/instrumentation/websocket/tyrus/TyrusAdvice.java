package dev.autoprom.instrumentation.websocket.tyrus;

import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.WsConnection;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import net.bytebuddy.asm.Advice;
import org.glassfish.tyrus.core.TyrusEndpointWrapper;
import org.glassfish.tyrus.core.frame.CloseFrame;
import org.glassfish.tyrus.core.frame.Frame;
import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;

/** Advice for Tyrus' client engine, web socket and protocol handler. */
final class TyrusAdvice {

    private TyrusAdvice() {}

    /** {@code new TyrusClientEngine(..., URI, DebugContext)}: a connection attempt starts. */
    static final class NewEngine {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.This Object engine,
                @Advice.FieldValue("protocolHandler") Object protocolHandler,
                @Advice.Argument(3) URI uri) {
            TyrusHooks.connecting(engine, protocolHandler, uri);
        }
    }

    /** {@code ClientContainer.openClientSocket(config, properties, engine)}: thrown when no connection was made. */
    static final class OpenSocket {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Argument(2) Object engine, @Advice.Thrown Throwable thrown) {
            TyrusHooks.socketFailed(engine, thrown);
        }
    }

    /** {@code TyrusClientEngine.processResponse(UpgradeResponse, Writer, CloseListener)}: the upgrade's outcome. */
    static final class ProcessResponse {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.This Object engine,
                @Advice.FieldValue("protocolHandler") Object protocolHandler,
                @Advice.Argument(0) UpgradeResponse response,
                @Advice.Return ClientEngine.ClientUpgradeInfo info) {
            TyrusHooks.upgradeProcessed(
                    engine, protocolHandler, info.getUpgradeStatus().name(), response.getStatus());
        }
    }

    /** {@code TyrusClientEngine.processError(Throwable)}: the connection could not be made. */
    static final class ProcessError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object engine, @Advice.Argument(0) Throwable error) {
            TyrusHooks.socketFailed(engine, error);
        }
    }

    /** {@code TyrusWebSocket.onConnect(...)}: open, before the application's {@code @OnOpen}. */
    static final class OnConnect {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("protocolHandler") Object protocolHandler) {
            TyrusHooks.opened(protocolHandler);
        }
    }

    /** {@code TyrusWebSocket.onClose(CloseFrame)}: every end, 1006 included. */
    static final class OnClose {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.FieldValue("protocolHandler") Object protocolHandler, @Advice.Argument(0) CloseFrame frame) {
            TyrusHooks.closed(
                    protocolHandler, frame.getCloseReason().getCloseCode().getCode());
        }
    }

    /** {@code ProtocolHandler.write(TyrusFrame, CompletionHandler, WriterInfo, boolean)}: each frame sent. */
    static final class WriteFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object protocolHandler, @Advice.Argument(0) Frame frame) {
            TyrusHooks.frameSent(protocolHandler, frame.getOpcode(), frame.getPayloadLength(), frame.isFin());
        }
    }

    /** {@code ProtocolHandler.process(Frame, TyrusWebSocket)}: each frame received. */
    static final class ProcessFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object protocolHandler, @Advice.Argument(0) Frame frame) {
            TyrusHooks.frameReceived(protocolHandler, frame.getOpcode(), frame.getPayloadLength(), frame.isFin());
        }
    }

    /** {@code TyrusWebSocket.onMessage(TextFrame)}: the application's text handler runs inside. */
    static final class HandleText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("protocolHandler") Object protocolHandler) {
            return TyrusHooks.handlingStarts(protocolHandler);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            HandlerErrors.finish(WsConnection.TEXT, start, null);
        }
    }

    /** {@code TyrusWebSocket.onMessage(BinaryFrame)}. */
    static final class HandleBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("protocolHandler") Object protocolHandler) {
            return TyrusHooks.handlingStarts(protocolHandler);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            HandlerErrors.finish(WsConnection.BINARY, start, null);
        }
    }

    /**
     * {@code TyrusWebSocket.onFragment(TextFrame, boolean last)}: a whole-message handler runs at the last
     * fragment; only that call is measured (a partial handler's earlier parts are not).
     */
    static final class HandleTextFragment {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(
                @Advice.FieldValue("protocolHandler") Object protocolHandler, @Advice.Argument(1) boolean last) {
            return last ? TyrusHooks.handlingStarts(protocolHandler) : 0L;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            HandlerErrors.finish(WsConnection.TEXT, start, null);
        }
    }

    /** {@code TyrusWebSocket.onFragment(BinaryFrame, boolean last)}: as {@link HandleTextFragment}. */
    static final class HandleBinaryFragment {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(
                @Advice.FieldValue("protocolHandler") Object protocolHandler, @Advice.Argument(1) boolean last) {
            return last ? TyrusHooks.handlingStarts(protocolHandler) : 0L;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start) {
            HandlerErrors.finish(WsConnection.BINARY, start, null);
        }
    }

    /** {@code TyrusEndpointWrapper.processThrowable(Throwable, Session)}: Tyrus caught what a handler threw. */
    static final class HandlerThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Throwable thrown) {
            HandlerErrors.caught(thrown);
        }
    }

    /** {@code AnnotatedEndpoint.onError(Session, Throwable)}: an {@code @OnMessage} method threw (unwrapped). */
    static final class AnnotatedThrew {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) Throwable thrown) {
            HandlerErrors.caught(thrown);
        }
    }

    /**
     * {@code new TyrusWebSocketEngine.TyrusConnection(endpointWrapper, protocolHandler, ...)}: the server side of
     * an accepted upgrade, registered before the constructor opens its socket.
     */
    static final class NewServerConnection {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.Argument(0) TyrusEndpointWrapper endpoint, @Advice.Argument(1) Object protocolHandler) {
            EndpointConfig config = endpoint.getEndpointConfig();
            TyrusHooks.serverConnection(
                    protocolHandler,
                    config instanceof ServerEndpointConfig ? ((ServerEndpointConfig) config).getPath() : null);
        }
    }

    /** {@code TyrusWebSocketEngine.upgrade(UpgradeRequest, UpgradeResponse)}: the server's handshake outcome. */
    static final class ServerUpgrade {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            TyrusHooks.upgradeStarts();
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Argument(1) UpgradeResponse response, @Advice.Return WebSocketEngine.UpgradeInfo info) {
            TyrusHooks.serverUpgradeDone(info.getStatus().name(), response.getStatus());
        }
    }

    /** {@code TyrusEndpointWrapper.upgrade(UpgradeRequest)}: an endpoint whose path matched is asked (origin check). */
    static final class EndpointTried {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This TyrusEndpointWrapper endpoint) {
            EndpointConfig config = endpoint.getEndpointConfig();
            if (config instanceof ServerEndpointConfig) {
                TyrusHooks.endpointTried(((ServerEndpointConfig) config).getPath());
            }
        }
    }
}
