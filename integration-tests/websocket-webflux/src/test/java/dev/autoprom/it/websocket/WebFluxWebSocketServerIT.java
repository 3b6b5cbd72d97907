package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.websocket.server.ChatEndpoints;
import dev.autoprom.it.websocket.webflux.WebFluxChat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Spring WebFlux {@code WebSocketHandler}s on Reactor Netty (Spring Boot 3.5): the whole contract except handling
 * time, which WebFlux does not have (the application handles a {@code Flux} of messages, not a call per message):
 * no handling series at all is asserted instead, and a handler that fails is its connection's error (and the
 * close frame without a code, 1005, that Reactor Netty sends for it).
 */
class WebFluxWebSocketServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return WebFluxChat.class;
    }

    @Override
    String instrumentation() {
        return "webflux-websocket-server";
    }

    @Override
    String library() {
        return "webflux";
    }

    @Override
    boolean measuresHandling() {
        return false;
    }

    /**
     * The handler's operator throws: one error of its class, and the close Reactor Netty sends when the failing
     * operator cancels the inbound: a close frame without a code (1005); no handling sample.
     */
    @Override
    @Test
    void aHandlerThatThrowsRecordsItsErrorType() throws Exception {
        Delta delta = new Delta(chatRoute());
        WsDriver.Connection client = client().connect(uri("/chat/room-throws"));
        client.sendText("before");
        assertThat(client.nextMessage()).isEqualTo("before");
        client.sendText(ChatEndpoints.THROW_ME);
        assertThat(client.awaitEnd()).isEqualTo("close 1005");
        delta.await(chatRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(m -> m.errors("java.lang.IllegalStateException")))
                .as(() -> delta.after.lines() + serverState())
                .isEqualTo(1);
        assertThat(delta.of(m -> m.closes("1005"))).isEqualTo(1);
        assertThat(delta.of(m -> m.messages("received", "text"))).isEqualTo(2);
        assertThat(delta.of(m -> m.messages("sent", "text"))).isEqualTo(1);
        assertThat(delta.of(ServerMetrics::handled)).isZero();
    }

    @Override
    @Test
    void aHandlerTaking20msPerMessageIsMeasured() {
        Assumptions.abort("WebFlux has no handling time: the application handles a Flux, not a call per message");
    }

    /** The upgrade is still one HTTP server request (101, the mapping's pattern), not two and not none. */
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
