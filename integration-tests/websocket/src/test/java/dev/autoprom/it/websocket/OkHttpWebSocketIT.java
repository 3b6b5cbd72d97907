package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/** OkHttp 5 ({@code okhttp-jvm}). OkHttp cannot send fragments; it receives them reassembled. */
class OkHttpWebSocketIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "okhttp";
    }

    private static final OkHttpClient CLIENT = new OkHttpClient();

    /** OkHttp reports the dropped connection to onFailure, with the reader's EOFException. */
    @Override
    void verifyErrorsAfterKill(WsMetrics metrics) {
        assertThat(metrics.errors("java.io.EOFException")).isEqualTo(1);
    }

    /** Handshake timeout and TLS failure: connect samples with the failure's class as error_type. */
    @Test
    void handshakeTimeoutAndTlsFailureRecordTheirErrorType() throws Exception {
        String host = EchoServers.uniqueHost();
        OkHttpClient impatient =
                CLIENT.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        try (ServerSocket silent = EchoServers.silentServer()) {
            OkHttpConnection connection = new OkHttpConnection();
            impatient.newWebSocket(
                    new Request.Builder()
                            .url("ws://" + host + ":" + silent.getLocalPort() + "/echo")
                            .build(),
                    connection.listener);
            assertThatThrownBy(() -> connection.opened.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SocketTimeoutException.class);
        }
        OkHttpConnection tls = new OkHttpConnection();
        CLIENT.newWebSocket(
                new Request.Builder()
                        .url(EchoServers.tlsToPlainServer(host).toString())
                        .build(),
                tls.listener);
        assertThatThrownBy(() -> tls.opened.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(SSLException.class);

        WsMetrics metrics = WsMetrics.await("okhttp", host, m -> m.connects() >= 2);
        assertThat(metrics.connects("java.net.SocketTimeoutException"))
                .as(metrics.lines())
                .isEqualTo(1);
        assertThat(metrics.scrape.find(
                        "websocket_client_connect_duration_seconds_count",
                        "websocket_library",
                        "okhttp",
                        "server_address",
                        host))
                .filteredOn(s -> s.labels().get("error_type").startsWith("javax.net.ssl."))
                .as(metrics.lines())
                .hasSize(1);
        assertThat(metrics.connects()).isEqualTo(2);
        assertThat(metrics.active()).isZero();
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
                connection.webSocket = CLIENT.newWebSocket(
                        new Request.Builder().url(uri.toString()).build(), connection.listener);
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
                listenerCalled();
                deliver(text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                listenerCalled();
                deliver(bytes.toByteArray());
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
        boolean abort() {
            webSocket.cancel();
            return true;
        }

        @Override
        void close() {
            webSocket.close(1000, "bye");
        }
    }
}
