package dev.autoprom.it.websocket;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/** OkHttp 5 ({@code okhttp-jvm}). OkHttp cannot send fragments; it receives them reassembled. */
class OkHttpWebSocketIT extends WebSocketClientContract {

    private static final OkHttpClient CLIENT = new OkHttpClient();

    /** OkHttp reports the dropped connection to onFailure, with the reader's EOFException. */
    @Override
    void verifyErrorsAfterKill(WsMetrics metrics) {
        org.assertj.core.api.Assertions.assertThat(metrics.errors("java.io.EOFException")).isEqualTo(1);
    }

    @Override
    WsDriver driver() {
        return new WsDriver() {
            @Override
            public String library() {
                return "okhttp";
            }

            @Override
            public Class<? extends Throwable> rejectedUpgradeFailure() {
                return java.net.ProtocolException.class;
            }

            @Override
            public boolean sendsFragments() {
                return false;
            }

            @Override
            public Connection connect(URI uri) throws Exception {
                OkHttpConnection connection = new OkHttpConnection();
                connection.webSocket = CLIENT.newWebSocket(new Request.Builder().url(uri.toString()).build(),
                        connection.listener);
                try {
                    connection.opened.get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw (Exception) e.getCause();
                }
                return connection;
            }
        };
    }

    static final class OkHttpConnection extends WsDriver.Connection {
        volatile WebSocket webSocket;
        final CompletableFuture<Void> opened = new CompletableFuture<>();

        final WebSocketListener listener = new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                opened.complete(null);
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                messages.add(text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                messages.add(bytes.toByteArray());
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                ended("close " + code);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                if (!opened.completeExceptionally(t)) {
                    ended("failure " + t);
                }
            }
        };

        @Override
        void sendText(String text) {
            if (!webSocket.send(text)) {
                throw new IllegalStateException("OkHttp refused the message");
            }
        }

        @Override
        void sendBinary(byte[] data) {
            if (!webSocket.send(ByteString.of(data))) {
                throw new IllegalStateException("OkHttp refused the message");
            }
        }

        @Override
        void close() {
            webSocket.close(1000, "bye");
        }
    }
}
