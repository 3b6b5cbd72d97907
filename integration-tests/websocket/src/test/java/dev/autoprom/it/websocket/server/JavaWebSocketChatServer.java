package dev.autoprom.it.websocket.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The chat application on Java-WebSocket's {@code WebSocketServer}, which has no routes: every path is served
 * by the one server, and {@code /slow/...} paths take 20 ms per message. Same messages as {@link ChatEndpoints}.
 */
public final class JavaWebSocketChatServer extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);

    private JavaWebSocketChatServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
    }

    public static void main(String[] args) throws Exception {
        JavaWebSocketChatServer server = new JavaWebSocketChatServer();
        server.start();
        server.started.await();
        System.out.println("CHAT_PORT=" + server.getPort());
        Thread.currentThread().join();
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        pause(conn);
        if (ChatEndpoints.THROW_ME.equals(message)) {
            throw new IllegalStateException("the endpoint's handler failed");
        }
        if (ChatEndpoints.FRAGMENT_ME.equals(message)) {
            byte[] quarter = "f".repeat(25).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 4; i++) {
                conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(quarter), i == 3);
            }
            return;
        }
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        pause(conn);
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    private static void pause(WebSocket conn) {
        if (conn.getResourceDescriptor().startsWith("/slow/")) {
            try {
                Thread.sleep(ChatEndpoints.SLOW_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
