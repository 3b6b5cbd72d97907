package dev.autoprom.instrumentation.websocket.okhttp.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.websocket.ConnectionHolder;
import dev.autoprom.instrumentation.websocket.ErrorTypes;
import dev.autoprom.instrumentation.websocket.ListenerWrapper;
import dev.autoprom.instrumentation.websocket.Utf8;
import dev.autoprom.instrumentation.websocket.WsConnection;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * Wraps the application's {@link WebSocketListener}: records, then delegates every callback unchanged.
 * Loaded by {@code BridgeClasses} next to OkHttp (anchored on {@link WebSocketListener}).
 */
public final class OkHttpListenerBridge extends WebSocketListener implements ConnectionHolder {

    private final WebSocketListener delegate;
    private final WsConnection connection;

    public OkHttpListenerBridge(Object delegate, WsConnection connection) {
        this.delegate = (WebSocketListener) delegate;
        this.connection = connection;
    }

    @Override
    public WsConnection autopromConnection() {
        return connection;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        connection.opened();
        delegate.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        try {
            connection.received().whole(WsConnection.TEXT, Utf8.length(text));
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket.okhttp", t);
        }
        long start = System.nanoTime();
        try {
            delegate.onMessage(webSocket, text);
        } catch (Throwable t) {
            connection.handled(WsConnection.TEXT, start, t);
            throw t;
        }
        connection.handled(WsConnection.TEXT, start, null);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        try {
            connection.received().whole(WsConnection.BINARY, bytes.size());
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket.okhttp", t);
        }
        long start = System.nanoTime();
        try {
            delegate.onMessage(webSocket, bytes);
        } catch (Throwable t) {
            connection.handled(WsConnection.BINARY, start, t);
            throw t;
        }
        connection.handled(WsConnection.BINARY, start, null);
    }

    /** The server's close frame arrived: the connection's end, with the server's code. */
    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        connection.closed(code);
        delegate.onClosing(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        connection.closed(code);
        delegate.onClosed(webSocket, code, reason);
    }

    /** Before open: the handshake failed (labelled with the HTTP status when the server refused the upgrade). */
    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        try {
            if (connection.isConnecting()) {
                connection.connectFailed(
                        response != null && response.code() != 101
                                ? ErrorTypes.status(response.code())
                                : ErrorTypes.of(t));
            } else {
                connection.error(ErrorTypes.of(t));
                connection.closed(WsConnection.ABNORMAL_CLOSURE);
            }
        } catch (Throwable failure) {
            SelfMetrics.recordError("websocket.okhttp", failure);
        }
        delegate.onFailure(webSocket, t, response);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Made once per library class loader by the hooks' {@code Bridge}; makes one listener bridge per connection. */
    public static final class Wrapper implements ListenerWrapper {
        @Override
        public Object wrap(Object listener, WsConnection connection) {
            return new OkHttpListenerBridge(listener, connection);
        }
    }
}
