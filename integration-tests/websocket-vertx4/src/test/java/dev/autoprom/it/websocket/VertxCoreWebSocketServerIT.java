package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.vertx.VertxChat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Vert.x core's {@code HttpServer.webSocketHandler}: no routes, so every series has an empty {@code http_route}. */
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

    @Override
    @Test
    void rejectedHandshakesAreServerErrors() {
        Assumptions.abort("the core handler takes every path; its refusal API differs between 4.5 and 5 "
                + "(VertxWebSocketServerIT counts the router's 403 and 404)");
    }
}
