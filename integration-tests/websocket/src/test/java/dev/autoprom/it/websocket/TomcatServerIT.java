package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.websocket.server.TomcatChatServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Jakarta endpoints (annotated and programmatic) on embedded Tomcat: 11 here, 10.1 in websocket-tomcat10. */
class TomcatServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return TomcatChatServer.class;
    }

    @Override
    String instrumentation() {
        return "tomcat-websocket-server";
    }

    @Override
    String library() {
        return "jakarta";
    }

    /**
     * Spring registers each upgrade with the request's own path; without a template from Spring's handler mapping
     * the connection gets an empty route, never the path (here: no room name anywhere in the scrape).
     */
    @Test
    void upgradesRegisteredUnderTheirRawPathGetNoRoute() throws Exception {
        Assumptions.assumeTrue(
                getClass()
                                .getClassLoader()
                                .getResource(
                                        "org/springframework/web/socket/server/standard/ServerEndpointRegistration.class")
                        != null,
                "spring-websocket is not on this module's class path");
        Delta delta = new Delta("");
        WsDriver.Connection client = client().connect(uri("/spring/room-raw-4242"));
        client.sendText("hello");
        assertThat(client.nextMessage()).isEqualTo("hello");
        client.close();
        assertThat(client.awaitEnd()).isEqualTo("close 1000");
        delta.await("", d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(m -> m.messages("received", "text")))
                .as(delta.after.lines())
                .isEqualTo(1);
        assertThat(delta.of(m -> m.closes("1000"))).isEqualTo(1);
        assertThat(delta.after.scrape.text()).doesNotContain("room-raw-4242");
    }
}
