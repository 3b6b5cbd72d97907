package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.server.UndertowChatServer;

/** Jakarta endpoints (annotated and programmatic) on Undertow 2.3's container, in a servlet deployment. */
class UndertowServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return UndertowChatServer.class;
    }

    @Override
    String instrumentation() {
        return "undertow-websocket-server";
    }

    @Override
    String library() {
        return "jakarta";
    }

    /**
     * Undertow answers no 403 for a refused origin: no handshake of the endpoint accepts the request, which goes
     * on to the servlets like any other, and the client gets their 404 (recorded under the endpoint's template).
     */
    @Override
    String refusedOriginStatus() {
        return "404";
    }
}
