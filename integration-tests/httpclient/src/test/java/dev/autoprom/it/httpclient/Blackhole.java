package dev.autoprom.it.httpclient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where connecting times out: a listening socket that never accepts, its one-slot backlog
 * filled, so that the kernel drops further connection attempts instead of answering them. The connect-timeout
 * case without any network outside the machine.
 */
final class Blackhole implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    Blackhole() throws IOException {
        listener = freshListener();
        for (int i = 0; i < 16; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(listener.getLocalSocketAddress(), 200);
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the backlog of a non-accepting socket never filled up");
    }

    private static ServerSocket freshListener() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            if (Ports.claim(socket.getLocalPort())) {
                return socket;
            }
            socket.close();
        }
        throw new IllegalStateException("no fresh port in 50 attempts");
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }

    /** A port nothing listens on (connecting is refused) that no other test of this JVM has used. */
    static int closedPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                if (Ports.claim(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
        throw new IllegalStateException("no fresh port in 50 attempts");
    }
}
