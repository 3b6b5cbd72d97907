package dev.autoprom.instrumentation.websocket.jdk;

import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;

/** Advice for {@code jdk.internal.net.http.websocket}; each calls {@link JdkWebSocketHooks}. */
final class JdkWebSocketAdvice {

    private JdkWebSocketAdvice() {}

    /** {@code BuilderImpl.buildAsync(URI, Listener)}: wraps the listener, then watches the handshake. */
    static final class BuildAsync {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(
                @Advice.Argument(0) URI uri,
                @Advice.Argument(value = 1, readOnly = false) WebSocket.Listener listener) {
            listener = (WebSocket.Listener) JdkWebSocketHooks.wrapListener(WebSocket.class, listener, uri);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.Return CompletableFuture<WebSocket> handshake,
                @Advice.Argument(1) WebSocket.Listener listener) {
            JdkWebSocketHooks.watchHandshake(handshake, listener);
        }
    }

    /** {@code WebSocketImpl.sendText(CharSequence, boolean)}. */
    static final class SendText {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) CharSequence text) {
            return JdkWebSocketHooks.textSize(listener, text);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Enter long size,
                @Advice.Argument(1) boolean last,
                @Advice.Return CompletableFuture<?> result) {
            JdkWebSocketHooks.sent(listener, WsConnection.TEXT, size, last, result);
        }
    }

    /** {@code WebSocketImpl.sendBinary(ByteBuffer, boolean)}. */
    static final class SendBinary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) ByteBuffer data) {
            return JdkWebSocketHooks.bufferSize(listener, data);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Enter long size,
                @Advice.Argument(1) boolean last,
                @Advice.Return CompletableFuture<?> result) {
            JdkWebSocketHooks.sent(listener, WsConnection.BINARY, size, last, result);
        }
    }

    /** {@code WebSocketImpl.sendPing(ByteBuffer)}. */
    static final class SendPing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) ByteBuffer data) {
            return JdkWebSocketHooks.bufferSize(listener, data);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Enter long size,
                @Advice.Return CompletableFuture<?> result) {
            JdkWebSocketHooks.sent(listener, WsConnection.PING, size, true, result);
        }
    }

    /** {@code WebSocketImpl.sendPong(ByteBuffer)}. */
    static final class SendPong {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.FieldValue("listener") Object listener, @Advice.Argument(0) ByteBuffer data) {
            return JdkWebSocketHooks.bufferSize(listener, data);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.FieldValue("listener") Object listener,
                @Advice.Enter long size,
                @Advice.Return CompletableFuture<?> result) {
            JdkWebSocketHooks.sent(listener, WsConnection.PONG, size, true, result);
        }
    }

    /** {@code WebSocketImpl.abort()}. */
    static final class Abort {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.FieldValue("listener") Object listener) {
            JdkWebSocketHooks.aborted(listener);
        }
    }
}
