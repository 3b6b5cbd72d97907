package dev.autoprom.it.websocket.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The chat application on Jetty 12's own WebSocket server API: the same routes and behaviour as
 * {@link ChatEndpoints}, with an annotated {@code @WebSocket} endpoint; {@code /private/{room}}'s creator
 * refuses with 403. Prints its port.
 */
public final class JettyNativeChatServer {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.addMapping("uri-template|/chat/{room}", (request, response, callback) -> new Chat(false));
            container.addMapping("uri-template|/prog/{room}", (request, response, callback) -> new Chat(false));
            container.addMapping("uri-template|/slow/{room}", (request, response, callback) -> new Chat(true));
            container.addMapping("uri-template|/private/{room}", (request, response, callback) -> {
                Response.writeError(request, response, callback, 403);
                return null;
            });
        }));
        server.start();
        System.out.println("CHAT_PORT=" + connector.getLocalPort());
        server.join();
    }

    @WebSocket
    public static final class Chat {
        private final boolean slow;

        Chat(boolean slow) {
            this.slow = slow;
        }

        @OnWebSocketMessage
        public void onText(Session session, String message) throws InterruptedException {
            pause();
            if (ChatEndpoints.THROW_ME.equals(message)) {
                throw new IllegalStateException("the endpoint's handler failed");
            }
            if (ChatEndpoints.FRAGMENT_ME.equals(message)) {
                sendParts(session, "f".repeat(25), 4);
                return;
            }
            session.sendText(message, Callback.NOOP);
        }

        @OnWebSocketMessage
        public void onBinary(Session session, ByteBuffer payload, Callback callback) throws InterruptedException {
            pause();
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
            copy.put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }

        private void pause() throws InterruptedException {
            if (slow) {
                Thread.sleep(ChatEndpoints.SLOW_MILLIS);
            }
        }

        /** One fragment at a time: the next is sent when the previous one is written. */
        private static void sendParts(Session session, String part, int remaining) {
            session.sendPartialText(
                    part,
                    remaining == 1,
                    Callback.from(
                            () -> {
                                if (remaining > 1) {
                                    sendParts(session, part, remaining - 1);
                                }
                            },
                            failure -> {}));
        }
    }
}
