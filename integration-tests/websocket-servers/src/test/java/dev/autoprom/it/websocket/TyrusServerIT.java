package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.websocket.server.TyrusChatServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Jakarta endpoints (annotated and programmatic) on Tyrus' standalone server (Grizzly container). */
class TyrusServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return TyrusChatServer.class;
    }

    @Override
    String instrumentation() {
        return "tyrus-server";
    }

    @Override
    String library() {
        return "jakarta";
    }

    /**
     * Tyrus' Grizzly container answers a failed handshake (the 403 of a refused origin) with a status line and
     * headers but neither a length nor {@code Connection: close}, and keeps the socket open: the JDK client waits
     * for a body until its timeout. The refusal is checked on the wire instead: the upgrade request's status line.
     */
    @Override
    void assertUpgradeRefused(String path, String status) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n"
                            + "Connection: Upgrade\r\n"
                            + "Upgrade: websocket\r\n"
                            + "Sec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 " + status + " ");
        }
    }
}
