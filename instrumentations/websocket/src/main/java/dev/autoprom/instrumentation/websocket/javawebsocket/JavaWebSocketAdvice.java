package dev.autoprom.instrumentation.websocket.javawebsocket;

import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import net.bytebuddy.asm.Advice;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;

/** Advice for Java-WebSocket's {@code WebSocketClient}, {@code WebSocketImpl} and {@code Draft_6455}. */
final class JavaWebSocketAdvice {

    private JavaWebSocketAdvice() {}

    /** {@code WebSocketClient.run()}: the connect thread starts (connect, connectBlocking, reconnect). */
    static final class Run {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object client, @Advice.FieldValue("uri") URI uri) {
            JavaWebSocketHooks.connecting(client, uri);
        }
    }

    /** {@code WebSocketClient.onWebsocketOpen(WebSocket, Handshakedata)}. */
    static final class Open {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object client) {
            JavaWebSocketHooks.opened(client);
        }
    }

    /** {@code WebSocketClient.onWebsocketClose(WebSocket, int, String, boolean)}. */
    static final class Close {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object client, @Advice.Argument(1) int code, @Advice.Argument(2) String reason) {
            JavaWebSocketHooks.closed(client, code, reason);
        }
    }

    /** {@code WebSocketClient.onWebsocketError(WebSocket, Exception)}. */
    static final class OnError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object client, @Advice.Argument(1) Exception error) {
            JavaWebSocketHooks.error(client, error);
        }
    }

    /** {@code WebSocketClient.onWebsocketMessage(WebSocket, String)}: the application's {@code onMessage(String)}. */
    static final class HandleText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object client) {
            return JavaWebSocketHooks.handlingStarts(client);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            HandlerErrors.finish(WsConnection.TEXT, start, thrown);
        }
    }

    /** {@code WebSocketClient.onWebsocketMessage(WebSocket, ByteBuffer)}: the application's {@code onMessage}. */
    static final class HandleBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object client) {
            return JavaWebSocketHooks.handlingStarts(client);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            HandlerErrors.finish(WsConnection.BINARY, start, thrown);
        }
    }

    /**
     * {@code WebSocketImpl.send(Collection<Framedata>)} (private): every data and control frame the client sends.
     * Read on entry, because writing the frames consumes their payload buffers; the method throws right away
     * when the connection is not open, so only open connections are counted.
     */
    static final class SendFrames {
        @SuppressWarnings("unchecked")
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This WebSocketImpl connection, @Advice.Argument(0) Collection<Framedata> frames) {
            WsConnection recorded = JavaWebSocketHooks.connection(connection.getWebSocketListener(), connection);
            if (recorded != null && frames instanceof List && connection.isOpen()) {
                List<Framedata> list = (List<Framedata>) frames; // the library always passes a list: no iterator
                for (int i = 0; i < list.size(); i++) {
                    Framedata frame = list.get(i);
                    JavaWebSocketHooks.frameSent(
                            recorded, frame.getOpcode(), frame.getPayloadData().remaining(), frame.isFin());
                }
            }
        }
    }

    /** {@code Draft_6455.processFrame(WebSocketImpl, Framedata)}: every frame received. */
    static final class ReceiveFrame {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) WebSocketImpl connection, @Advice.Argument(1) Framedata frame) {
            WsConnection recorded = JavaWebSocketHooks.connection(connection.getWebSocketListener(), connection);
            if (recorded != null) {
                JavaWebSocketHooks.frameReceived(
                        recorded, frame.getOpcode(), frame.getPayloadData().remaining(), frame.isFin());
            }
        }
    }

    /** {@code WebSocketServer.onWebsocketOpen(WebSocket, Handshakedata)}: a server connection opened. */
    static final class ServerOpen {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object connection) {
            JavaWebSocketHooks.serverOpened(connection);
        }
    }

    /** {@code WebSocketServer.onWebsocketClose(WebSocket, int, String, boolean)}: every end of a server connection. */
    static final class ServerClose {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object connection, @Advice.Argument(1) int code) {
            JavaWebSocketHooks.serverClosed(connection, code);
        }
    }

    /** {@code WebSocketServer.onWebsocketError(WebSocket, Exception)}: on a connection, or the server's own. */
    static final class ServerError {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Object connection, @Advice.Argument(1) Exception error) {
            JavaWebSocketHooks.serverError(connection, error);
        }
    }

    /** {@code WebSocketServer.onWebsocketMessage(WebSocket, String)}: the application's {@code onMessage}. */
    static final class ServerHandleText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.Argument(0) Object connection) {
            return JavaWebSocketHooks.serverHandlingStarts(connection);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            HandlerErrors.finish(WsConnection.TEXT, start, thrown);
        }
    }

    /** {@code WebSocketServer.onWebsocketMessage(WebSocket, ByteBuffer)}. */
    static final class ServerHandleBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.Argument(0) Object connection) {
            return JavaWebSocketHooks.serverHandlingStarts(connection);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            HandlerErrors.finish(WsConnection.BINARY, start, thrown);
        }
    }
}
