package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.server.JavaWebSocketChatServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Java-WebSocket's {@code WebSocketServer} (the demo's echo server): no routes, so every series has an empty
 * {@code http_route}; it refuses no handshake by itself, so there are no rejections to count.
 */
class JavaWebSocketServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return JavaWebSocketChatServer.class;
    }

    @Override
    String instrumentation() {
        return "java-websocket-server";
    }

    @Override
    String library() {
        return "java-websocket";
    }

    @Override
    boolean reportsCleanClosesReliably() {
        return false;
    }

    @Override
    String chatRoute() {
        return "";
    }

    @Override
    String slowRoute() {
        return "";
    }

    @Override
    String programmaticRoute() {
        return "";
    }

    @Override
    @Test
    void rejectedHandshakesAreServerErrors() {
        Assumptions.abort("Java-WebSocket's server accepts every path and has no configurator to refuse with");
    }
}
