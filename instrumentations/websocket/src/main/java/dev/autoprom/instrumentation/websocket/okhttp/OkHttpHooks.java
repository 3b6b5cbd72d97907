package dev.autoprom.instrumentation.websocket.okhttp;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.websocket.ConnectionHolder;
import dev.autoprom.instrumentation.websocket.ListenerWrapper;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.Utf8;
import dev.autoprom.instrumentation.websocket.WsConnection;

/** What the OkHttp advice calls; only {@code java.base} types (this class is on the bootstrap class path). */
public final class OkHttpHooks {

    static final String LIBRARY = "okhttp";
    private static final Bridge<ListenerWrapper> WRAPPERS = Bridge.of(
            ListenerWrapper.class,
            "dev.autoprom.instrumentation.websocket.okhttp.bridge.OkHttpListenerBridge$Wrapper",
            "websocket.okhttp",
            ListenerWrapper.NONE);

    private OkHttpHooks() {}

    /** The listener {@code newWebSocket} should use: the application's, wrapped. {@code anchor}: WebSocketListener. */
    public static Object wrapListener(Class<?> anchor, Object listener, String host) {
        if (listener == null || listener instanceof ConnectionHolder) {
            return listener;
        }
        try {
            return WRAPPERS.get(anchor).wrap(listener, WsConnection.connecting(LIBRARY, ServerAddress.host(host)));
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket.okhttp", t);
            return listener;
        }
    }

    public static void sentText(Object listener, boolean accepted, String text) {
        WsConnection connection = ConnectionHolder.of(listener);
        if (accepted && connection != null) {
            connection.sent().whole(WsConnection.TEXT, Utf8.length(text));
        }
    }

    public static void sentBinary(Object listener, boolean accepted, int size) {
        WsConnection connection = ConnectionHolder.of(listener);
        if (accepted && connection != null) {
            connection.sent().whole(WsConnection.BINARY, size);
        }
    }

    public static void receivedControl(Object listener, boolean ping, int size) {
        WsConnection connection = ConnectionHolder.of(listener);
        if (connection != null) {
            connection.received().whole(ping ? WsConnection.PING : WsConnection.PONG, size);
        }
    }
}
