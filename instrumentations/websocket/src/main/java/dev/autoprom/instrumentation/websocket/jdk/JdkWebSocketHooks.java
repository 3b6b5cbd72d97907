package dev.autoprom.instrumentation.websocket.jdk;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.websocket.ConnectionHolder;
import dev.autoprom.instrumentation.websocket.ListenerWrapper;
import dev.autoprom.instrumentation.websocket.ServerAddress;
import dev.autoprom.instrumentation.websocket.Utf8;
import dev.autoprom.instrumentation.websocket.WsConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * What the {@code java.net.http.WebSocket} advice calls. The application's listener is wrapped in
 * {@code bridge.JdkListenerBridge} (received side, open, close, error); the sent side is read from
 * {@code WebSocketImpl}'s send methods, which find the connection through that bridge in their
 * {@code listener} field.
 */
public final class JdkWebSocketHooks {

    static final String LIBRARY = "jdk";
    private static final String COMPONENT = "websocket.jdk";
    private static final Bridge<ListenerWrapper> WRAPPERS = Bridge.of(
            ListenerWrapper.class,
            "dev.autoprom.instrumentation.websocket.jdk.bridge.JdkListenerBridge$Wrapper",
            COMPONENT,
            ListenerWrapper.NONE);

    private JdkWebSocketHooks() {}

    /**
     * At {@code buildAsync}: the listener the builder should use instead of the application's. {@code anchor} is
     * {@code java.net.http.WebSocket.class}, which this bootstrap class cannot name.
     */
    public static Object wrapListener(Class<?> anchor, Object listener, URI uri) {
        if (listener == null || uri == null || listener instanceof ConnectionHolder) {
            return listener;
        }
        try {
            return WRAPPERS.get(anchor).wrap(listener, WsConnection.connecting(LIBRARY, ServerAddress.of(uri)));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return listener;
        }
    }

    /** After {@code buildAsync}: the bridge learns the handshake's outcome from the returned future. */
    @SuppressWarnings("unchecked")
    public static void watchHandshake(CompletableFuture<?> handshake, Object listener) {
        if (handshake != null && listener instanceof ConnectionHolder && listener instanceof BiConsumer) {
            ((CompletableFuture<Object>) handshake).whenComplete((BiConsumer<Object, Throwable>) listener);
        }
    }

    /** UTF-8 size of text about to be sent, or -1 when the connection is not ours. */
    public static long textSize(Object listener, CharSequence text) {
        return listener instanceof ConnectionHolder ? Utf8.length(text) : -1;
    }

    public static long bufferSize(Object listener, ByteBuffer data) {
        return listener instanceof ConnectionHolder && data != null ? data.remaining() : -1;
    }

    /** A send call returned: counted unless the library refused it at once (for example "send pending"). */
    public static void sent(Object listener, int type, long bytes, boolean last, CompletableFuture<?> result) {
        if (bytes < 0 || result == null || result.isCompletedExceptionally()) {
            return;
        }
        WsConnection connection = ConnectionHolder.of(listener);
        if (connection != null) {
            connection.sent().typedPart(type, bytes, last);
        }
    }

    /** {@code abort()}: the connection ends without a close handshake and the listener hears nothing more. */
    public static void aborted(Object listener) {
        WsConnection connection = ConnectionHolder.of(listener);
        if (connection != null) {
            connection.closed(WsConnection.ABNORMAL_CLOSURE);
        }
    }
}
