package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/** Java-WebSocket 1.6: the application subclasses {@code WebSocketClient}. */
class JavaWebSocketIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "java-websocket";
    }

    /** What this driver throws when Java-WebSocket closed the connection before it opened. */
    static final class ClosedBeforeOpen extends Exception {
        ClosedBeforeOpen(String message) {
            super(message);
        }
    }

    /** Java-WebSocket's send is thread-safe: text and binary sent at once on one connection keep their types. */
    @Test
    void concurrentSendsOnOneConnectionKeepTheirTypes() throws Exception {
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver().connect(EchoServers.echo(host));
        Thread[] senders = new Thread[4];
        for (int t = 0; t < senders.length; t++) {
            boolean text = t % 2 == 0;
            senders[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        if (text) {
                            connection.sendText("0123456789");
                        } else {
                            connection.sendBinary(new byte[20]);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            senders[t].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        for (int i = 0; i < 200; i++) {
            connection.nextMessage();
        }
        connection.close();
        connection.awaitEnd();

        WsMetrics metrics = WsMetrics.await("java-websocket", host, m -> m.closes() >= 1 && m.active() == 0);
        assertThat(metrics.messages("sent", "text")).as(metrics.lines()).isEqualTo(100);
        assertThat(metrics.bytes("sent", "text")).isEqualTo(1000);
        assertThat(metrics.messages("sent", "binary")).isEqualTo(100);
        assertThat(metrics.bytes("sent", "binary")).isEqualTo(2000);
        assertThat(metrics.messages("received", "text")).isEqualTo(100);
        assertThat(metrics.bytes("received", "binary")).isEqualTo(2000);
    }

    @Override
    WsDriver driver() {
        return new WsDriver() {
            @Override
            public String library() {
                return "java-websocket";
            }

            @Override
            public Class<? extends Throwable> rejectedUpgradeFailure() {
                return ClosedBeforeOpen.class;
            }

            @Override
            public boolean sendsFragments() {
                return true;
            }

            @Override
            public Connection connect(URI uri) throws Exception {
                JwsConnection connection = new JwsConnection(uri);
                if (!connection.client.connectBlocking(20, TimeUnit.SECONDS)) {
                    connection.client.close();
                    if (connection.error != null) {
                        throw connection.error;
                    }
                    throw new ClosedBeforeOpen(connection.end);
                }
                return connection;
            }
        };
    }

    static final class JwsConnection extends WsDriver.Connection {
        volatile Exception error;
        final WebSocketClient client;

        JwsConnection(URI uri) {
            client = new WebSocketClient(uri) {
                @Override
                public void onOpen(ServerHandshake handshake) {}

                @Override
                public void onMessage(String message) {
                    listenerCalled();
                    deliver(message);
                }

                @Override
                public void onMessage(ByteBuffer bytes) {
                    listenerCalled();
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    deliver(copy);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                    ended("close " + code);
                }

                @Override
                public void onError(Exception ex) {
                    error = ex;
                }
            };
        }

        @Override
        void sendText(String text) {
            client.send(text);
        }

        @Override
        void sendBinary(byte[] data) {
            client.send(data);
        }

        @Override
        void sendTextFragments(String... parts) {
            for (int i = 0; i < parts.length; i++) {
                client.sendFragmentedFrame(
                        Opcode.TEXT, ByteBuffer.wrap(parts[i].getBytes(StandardCharsets.UTF_8)), i == parts.length - 1);
            }
        }

        @Override
        void close() {
            client.close();
        }

        @Override
        int sendPing() {
            client.sendPing();
            return 0;
        }
    }
}
