package dev.autoprom.demo;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server that echoes every message, for the demo's own WebSocket client. */
final class EchoServer extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);

    private EchoServer(int port) {
        super(new InetSocketAddress("127.0.0.1", port));
        setReuseAddr(true);
    }

    static EchoServer start(int port) throws InterruptedException {
        EchoServer server = new EchoServer(port);
        server.setDaemon(true);
        server.start();
        server.started.await();
        return server;
    }

    int port() {
        return getPort();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }
}
