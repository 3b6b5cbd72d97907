package dev.autoprom.instrumentation.websocket.jdk.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.websocket.ConnectionHolder;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.ListenerWrapper;
import dev.autoprom.instrumentation.websocket.Utf8;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Wraps the application's {@link WebSocket.Listener}: records, then delegates every call unchanged (same
 * arguments, same returned stage), so the application sees no difference. Sizes are read before delegating,
 * because the application may consume the buffers. Also the handshake future's callback (success or failure).
 *
 * <p>Loaded by {@code BridgeClasses} in a child of the platform loader, anchored on {@link WebSocket}.
 */
public final class JdkListenerBridge implements WebSocket.Listener, BiConsumer<WebSocket, Throwable>, ConnectionHolder {

    private final WebSocket.Listener delegate;
    private final WsConnection connection;

    public JdkListenerBridge(Object delegate, WsConnection connection) {
        this.delegate = (WebSocket.Listener) delegate;
        this.connection = connection;
    }

    @Override
    public WsConnection autopromConnection() {
        return connection;
    }

    /** The handshake future completed. */
    @Override
    public void accept(WebSocket webSocket, Throwable failure) {
        if (failure == null) {
            connection.opened();
        } else {
            connection.connectFailed(connectErrorType(failure));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        connection.opened();
        delegate.onOpen(webSocket);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        try {
            connection.received().typedPart(WsConnection.TEXT, Utf8.length(data), last);
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket.jdk", t);
        }
        long start = System.nanoTime();
        try {
            CompletionStage<?> stage = delegate.onText(webSocket, data, last);
            connection.handled(WsConnection.TEXT, start, null);
            return stage;
        } catch (Throwable t) {
            connection.handled(WsConnection.TEXT, start, t);
            throw t;
        }
    }

    /**
     * Handling time is the listener's call itself (each part is a call): a listener that returns a stage and
     * finishes later is measured up to its return.
     */
    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        connection.received().typedPart(WsConnection.BINARY, remaining(data), last);
        long start = System.nanoTime();
        try {
            CompletionStage<?> stage = delegate.onBinary(webSocket, data, last);
            connection.handled(WsConnection.BINARY, start, null);
            return stage;
        } catch (Throwable t) {
            connection.handled(WsConnection.BINARY, start, t);
            throw t;
        }
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        connection.received().whole(WsConnection.PING, remaining(message));
        return delegate.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        connection.received().whole(WsConnection.PONG, remaining(message));
        return delegate.onPong(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        connection.closed(statusCode);
        return delegate.onClose(webSocket, statusCode, reason);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connection.error(ErrorTypes.of(error));
        connection.closed(WsConnection.ABNORMAL_CLOSURE);
        delegate.onError(webSocket, error);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private static long remaining(ByteBuffer buffer) {
        return buffer == null ? 0 : buffer.remaining();
    }

    /** An upgrade the server answered with another status than 101 is labelled with that status. */
    private static String connectErrorType(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof WebSocketHandshakeException) {
            try {
                return ErrorTypes.status(
                        ((WebSocketHandshakeException) t).getResponse().statusCode());
            } catch (Throwable ignored) {
                // no response: fall through to the class name
            }
        }
        return ErrorTypes.of(t);
    }

    /** Made once per library class loader by the hooks' {@code Bridge}; makes one listener bridge per connection. */
    public static final class Wrapper implements ListenerWrapper {
        @Override
        public Object wrap(Object listener, WsConnection connection) {
            return new JdkListenerBridge(listener, connection);
        }
    }
}
