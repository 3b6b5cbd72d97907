package dev.autoprom.it.websocket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Jetty 12's own WebSocket client ({@code org.eclipse.jetty.websocket.client.WebSocketClient}). */
class JettyWebSocketIT extends WebSocketClientContract {

    private static final WebSocketClient CLIENT = new WebSocketClient();

    static {
        try {
            CLIENT.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    WsDriver driver() {
        return new WsDriver() {
            @Override
            public String library() {
                return "jetty";
            }

            @Override
            public Class<? extends Throwable> rejectedUpgradeFailure() {
                return org.eclipse.jetty.websocket.api.exceptions.UpgradeException.class;
            }

            @Override
            public boolean sendsFragments() {
                return true;
            }

            @Override
            public Connection connect(URI uri) throws Exception {
                JettyConnection connection = new JettyConnection();
                try {
                    connection.session =
                            CLIENT.connect(connection.listener, uri).get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw (Exception) e.getCause();
                }
                return connection;
            }
        };
    }

    static final class JettyConnection extends WsDriver.Connection {
        volatile Session session;

        final JettyListener listener = new JettyListener(this);

        @Override
        void sendText(String text) throws Exception {
            Callback.Completable sent = new Callback.Completable();
            session.sendText(text, sent);
            sent.get(20, TimeUnit.SECONDS);
        }

        @Override
        void sendBinary(byte[] data) throws Exception {
            Callback.Completable sent = new Callback.Completable();
            session.sendBinary(ByteBuffer.wrap(data), sent);
            sent.get(20, TimeUnit.SECONDS);
        }

        @Override
        void sendTextFragments(String... parts) throws Exception {
            for (int i = 0; i < parts.length; i++) {
                Callback.Completable sent = new Callback.Completable();
                session.sendPartialText(parts[i], i == parts.length - 1, sent);
                sent.get(20, TimeUnit.SECONDS);
            }
        }

        @Override
        void close() {
            session.close(1000, "bye", Callback.NOOP);
        }

        @Override
        boolean abort() {
            session.disconnect();
            return true;
        }

        @Override
        int sendPing() throws Exception {
            Callback.Completable sent = new Callback.Completable();
            session.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), sent);
            sent.get(20, TimeUnit.SECONDS);
            return 5;
        }
    }
}
