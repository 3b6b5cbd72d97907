package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.websocket.vertx.VertxChat;
import org.junit.jupiter.api.Test;

/**
 * Vert.x (4.5 here, 5 in websocket-vertx5: the same source) with Vert.x Web routes upgraded by
 * {@code ctx.request().toWebSocket()}: routes as Vert.x writes them. The refusals are the route's 403 and the
 * router's 404 for a path without route.
 */
class VertxWebSocketServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return VertxChat.Web.class;
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
        return "/chat/:room";
    }

    @Override
    String slowRoute() {
        return "/slow/:room";
    }

    @Override
    String privateRoute() {
        return "/private/:room";
    }

    @Override
    String programmaticRoute() {
        return "/prog/:room";
    }

    /** The upgrade is still one HTTP server request (101, its route), not two and not none. */
    @Test
    void anUpgradeIsOneHttpRequest() throws Exception {
        Delta delta = new Delta(chatRoute());
        double before = upgrades();
        WsDriver.Connection client = client().connect(uri("/chat/room-http"));
        client.sendText("hello");
        assertThat(client.nextMessage()).isEqualTo("hello");
        client.close();
        assertThat(client.awaitEnd()).isEqualTo("close 1000");
        delta.await(chatRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(upgrades() - before).isEqualTo(1);
    }

    private double upgrades() {
        return scrape(chatRoute())
                .scrape
                .sum(
                        "http_server_request_duration_seconds_count",
                        "http_route",
                        chatRoute(),
                        "http_response_status_code",
                        "101");
    }
}
