package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.websocket.springapp.SpringChatApplication;
import org.junit.jupiter.api.Test;

/**
 * Raw Spring {@code WebSocketHandler}s (SockJS off) in a Spring Boot 3.5 application on its embedded Tomcat:
 * the whole server contract, labelled {@code spring} under the pattern each handler was registered with. The
 * Tomcat instrumentation records the transport; the connection is recorded once, not once per layer.
 */
class SpringWebSocketServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return SpringChatApplication.class;
    }

    @Override
    String instrumentation() {
        return "spring-websocket-server";
    }

    @Override
    String library() {
        return "spring";
    }

    /** One connection, under Spring's label only: nothing of it is left under Tomcat's own ({@code jakarta}). */
    @Test
    void aSessionIsOneConnectionUnderSpringOnly() throws Exception {
        Delta delta = new Delta(chatRoute());
        WsDriver.Connection client = client().connect(uri("/chat/room-once"));
        client.sendText("once");
        assertThat(client.nextMessage()).isEqualTo("once");
        delta.await(chatRoute(), d -> d.of(ServerMetrics::active) == 1);
        client.close();
        assertThat(client.awaitEnd()).isEqualTo("close 1000");
        delta.await(chatRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(ServerMetrics::closes)).as(delta.after.lines()).isEqualTo(1);
        assertThat(delta.of(m -> m.messages("received", "text"))).isEqualTo(1);
        assertThat(delta.of(m -> m.handled("text", ""))).isEqualTo(1);
        // no series of Tomcat's own label at all: the session was not recorded a second time as a Jakarta one
        assertThat(delta.after.scrape.text())
                .doesNotContain("websocket_library=\"jakarta\"")
                .doesNotContain("room-once");
    }
}
