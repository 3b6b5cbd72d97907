package dev.autoprom.it.websocket;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The tests' WebSocket server: Jetty 12, run in a child JVM without the agent (so a test can kill it abruptly).
 * {@code /echo} echoes every text and binary message whole; the text {@value #FRAGMENT_ME} is answered with a
 * {@value #FRAGMENTED_SIZE}-byte text message sent in 4 fragments, the text {@value #GO_AWAY} with a close
 * frame of code 1001. Every other path answers 404. Listens on
 * all loopback addresses (each test uses its own 127.0.0.x as server_address) and prints its port.
 */
public final class EchoServer {

    static final String FRAGMENT_ME = "fragment-me";
    static final int FRAGMENTED_SIZE = 100;
    static final String GO_AWAY = "close-1001";

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(
                server, container -> container.addMapping("/echo", (request, response, callback) -> new Echo())));
        server.start();
        System.out.println("ECHO_PORT=" + connector.getLocalPort());
        server.join();
    }

    @WebSocket
    public static final class Echo {
        @OnWebSocketMessage
        public void onText(Session session, String message) {
            if (GO_AWAY.equals(message)) {
                session.close(1001, "going away", Callback.NOOP);
            } else if (FRAGMENT_ME.equals(message)) {
                String quarter = "f".repeat(FRAGMENTED_SIZE / 4);
                sendParts(session, quarter, 4);
            } else {
                session.sendText(message, Callback.NOOP);
            }
        }

        @OnWebSocketMessage
        public void onBinary(Session session, ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
            copy.put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
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
