package dev.autoprom.it.websocket;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.client.ClientManager;

/** The Jakarta WebSocket client API on Tyrus (standalone client 2.2), with a programmatic endpoint. */
class JakartaTyrusIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "tyrus";
    }

    private static final WebSocketContainer CONTAINER = ClientManager.createClient();

    @Override
    String refusedErrorType() {
        return "java.net.ConnectException";
    }

    @Override
    WsDriver driver() {
        return new JakartaDriver(CONTAINER, DeploymentException.class);
    }

    /** Drives any Jakarta container; {@code failure} is what its connectToServer throws when the handshake fails. */
    static final class JakartaDriver implements WsDriver {
        private final WebSocketContainer container;
        private final Class<? extends Throwable> failure;

        JakartaDriver(WebSocketContainer container, Class<? extends Throwable> failure) {
            this.container = container;
            this.failure = failure;
        }

        @Override
        public String library() {
            return "jakarta";
        }

        @Override
        public Class<? extends Throwable> rejectedUpgradeFailure() {
            return failure;
        }

        @Override
        public Class<? extends Throwable> refusedConnectionFailure() {
            return failure;
        }

        @Override
        public boolean sendsFragments() {
            return true;
        }

        @Override
        public Connection connect(URI uri) throws Exception {
            JakartaConnection connection = new JakartaConnection();
            connection.session = container.connectToServer(
                    connection.endpoint, ClientEndpointConfig.Builder.create().build(), uri);
            return connection;
        }
    }

    static final class JakartaConnection extends WsDriver.Connection {
        volatile Session session;

        final Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    listenerCalled();
                    deliver(text);
                });
                session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
                    listenerCalled();
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    deliver(copy);
                });
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                ended("close " + reason.getCloseCode().getCode());
            }
        };

        @Override
        void sendText(String text) throws Exception {
            session.getBasicRemote().sendText(text);
        }

        @Override
        void sendBinary(byte[] data) throws Exception {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(data));
        }

        @Override
        void sendTextFragments(String... parts) throws Exception {
            for (int i = 0; i < parts.length; i++) {
                session.getBasicRemote().sendText(parts[i], i == parts.length - 1);
            }
        }

        @Override
        void close() throws Exception {
            session.close();
        }

        @Override
        int sendPing() throws Exception {
            session.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            return 3;
        }
    }
}
