package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** {@code java.net.http.WebSocket}: the JDK's own client, instrumented in the platform module java.net.http. */
class JdkWebSocketIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "jdk-websocket";
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Handshake timeout and TLS failure: connect samples with the failure's class as error_type. */
    @Test
    void handshakeTimeoutAndTlsFailureRecordTheirErrorType() throws Exception {
        String host = EchoServers.uniqueHost();
        try (ServerSocket silent = EchoServers.silentServer()) {
            URI uri = URI.create("ws://" + host + ":" + silent.getLocalPort() + "/echo");
            assertThatThrownBy(() -> CLIENT.newWebSocketBuilder()
                            .connectTimeout(Duration.ofMillis(300))
                            .buildAsync(uri, new WebSocket.Listener() {})
                            .get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        }
        assertThatThrownBy(() -> CLIENT.newWebSocketBuilder()
                        .buildAsync(EchoServers.tlsToPlainServer(host), new WebSocket.Listener() {})
                        .get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SSLException.class);

        WsMetrics metrics = WsMetrics.await("jdk", host, m -> m.connects() >= 2);
        assertThat(metrics.connects("java.net.http.HttpConnectTimeoutException")
                        + metrics.connects("java.net.http.HttpTimeoutException"))
                .as(metrics.lines())
                .isEqualTo(1);
        assertThat(metrics.scrape.find(
                        "websocket_client_connect_duration_seconds_count",
                        "websocket_library",
                        "jdk",
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
                return "jdk";
            }

            @Override
            public Class<? extends Throwable> rejectedUpgradeFailure() {
                return java.net.http.WebSocketHandshakeException.class;
            }

            @Override
            public boolean sendsFragments() {
                return true;
            }

            @Override
            public Connection connect(URI uri) throws Exception {
                JdkConnection connection = new JdkConnection();
                try {
                    connection.webSocket = CLIENT.newWebSocketBuilder()
                            .buildAsync(uri, connection.listener)
                            .get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw (Exception) e.getCause();
                }
                return connection;
            }
        };
    }

    /** The application's side: a plain listener that reassembles fragments, as applications do. */
    static final class JdkConnection extends WsDriver.Connection {
        volatile WebSocket webSocket;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        final WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                listenerCalled();
                ws.request(1);
                text.append(data);
                if (last) {
                    String message = text.toString();
                    text.setLength(0);
                    deliver(message);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                listenerCalled();
                ws.request(1);
                binary.writeBytes(bytes);
                if (last) {
                    byte[] message = binary.toByteArray();
                    binary.reset();
                    deliver(message);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                ended("close " + statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                ended("error " + error);
            }
        };

        @Override
        void sendText(String message) throws Exception {
            webSocket.sendText(message, true).get(20, TimeUnit.SECONDS);
        }

        @Override
        void sendBinary(byte[] data) throws Exception {
            webSocket.sendBinary(ByteBuffer.wrap(data), true).get(20, TimeUnit.SECONDS);
        }

        @Override
        void sendTextFragments(String... parts) throws Exception {
            for (int i = 0; i < parts.length; i++) {
                webSocket.sendText(parts[i], i == parts.length - 1).get(20, TimeUnit.SECONDS);
            }
        }

        @Override
        void close() throws Exception {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
        }

        @Override
        boolean abort() {
            webSocket.abort();
            return true;
        }

        @Override
        int sendPing() throws Exception {
            webSocket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3, 4})).get(20, TimeUnit.SECONDS);
            return 4;
        }
    }
}
