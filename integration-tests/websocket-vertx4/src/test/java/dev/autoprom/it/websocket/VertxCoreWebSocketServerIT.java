package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.vertx.VertxChat;

/**
 * Vert.x core's {@code HttpServer.webSocketHandler}: no routes, so every series has an empty {@code http_route}; its
 * {@code webSocketHandshakeHandler}'s refusals are counted with an empty route too.
 */
class VertxCoreWebSocketServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return VertxChat.Core.class;
    }

    @Override
    String instrumentation() {
        return "vertx-websocket-server";
    }

    @Override
    String library() {
        return "vertx";
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

    /** The handler refuses {@code /private/...} with 403 and unknown paths with 404: both with an empty route. */
    @Override
    String privateRoute() {
        return "";
    }
}
