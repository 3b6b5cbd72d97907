package dev.autoprom.it.websocket.server;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The chat application every Jakarta server under test deploys, the same on each container:
 *
 * <ul>
 *   <li>{@code /chat/{room}} (annotated) and {@code /prog/{room}} (programmatic): echo every text and binary
 *       message; {@value #THROW_ME} makes the handler throw, {@value #FRAGMENT_ME} is answered with a 100-byte
 *       text in 4 fragments;
 *   <li>{@code /slow/{room}}: echoes after 20 ms of handling;
 *   <li>{@code /private/{room}}: its configurator refuses every origin (403).
 * </ul>
 */
public final class ChatEndpoints {

    public static final String THROW_ME = "throw-me";
    public static final String FRAGMENT_ME = "fragment-me";
    public static final long SLOW_MILLIS = 20;

    private ChatEndpoints() {}

    /** Registers the four endpoints on a container's {@link ServerContainer}. */
    public static void deploy(ServerContainer container) throws Exception {
        container.addEndpoint(AnnotatedChat.class);
        container.addEndpoint(SlowChat.class);
        for (ServerEndpointConfig config : programmaticConfigs()) {
            container.addEndpoint(config);
        }
    }

    /** The programmatic endpoints: {@code /prog/{room}} and {@code /private/{room}}. */
    public static Set<ServerEndpointConfig> programmaticConfigs() {
        return Set.of(
                ServerEndpointConfig.Builder.create(ProgrammaticChat.class, "/prog/{room}")
                        .build(),
                ServerEndpointConfig.Builder.create(ProgrammaticChat.class, "/private/{room}")
                        .configurator(new RefuseAll())
                        .build());
    }

    static void onText(Session session, String message) throws IOException {
        if (THROW_ME.equals(message)) {
            throw new IllegalStateException("the endpoint's handler failed");
        }
        if (FRAGMENT_ME.equals(message)) {
            String quarter = "f".repeat(25);
            for (int i = 0; i < 4; i++) {
                session.getBasicRemote().sendText(quarter, i == 3);
            }
            return;
        }
        session.getBasicRemote().sendText(message);
    }

    static void onBinary(Session session, ByteBuffer message) throws IOException {
        session.getBasicRemote().sendBinary(message);
    }

    @ServerEndpoint("/chat/{room}")
    public static final class AnnotatedChat {
        @OnMessage
        public void text(Session session, String message) throws IOException {
            onText(session, message);
        }

        @OnMessage
        public void binary(Session session, ByteBuffer message) throws IOException {
            onBinary(session, message);
        }
    }

    @ServerEndpoint("/slow/{room}")
    public static final class SlowChat {
        @OnMessage
        public void text(Session session, String message) throws IOException, InterruptedException {
            Thread.sleep(SLOW_MILLIS);
            onText(session, message);
        }

        @OnMessage
        public void binary(Session session, ByteBuffer message) throws IOException, InterruptedException {
            Thread.sleep(SLOW_MILLIS);
            onBinary(session, message);
        }
    }

    public static final class ProgrammaticChat extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String message) {
                    try {
                        onText(session, message);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            session.addMessageHandler(ByteBuffer.class, new MessageHandler.Whole<ByteBuffer>() {
                @Override
                public void onMessage(ByteBuffer message) {
                    try {
                        onBinary(session, message);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        @Override
        public void onClose(Session session, CloseReason reason) {}
    }

    /** Refuses every handshake: the container answers 403. */
    public static final class RefuseAll extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {}
    }
}
