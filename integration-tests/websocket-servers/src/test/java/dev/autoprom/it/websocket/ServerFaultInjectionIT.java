package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import dev.autoprom.it.websocket.server.ChatEndpoints;
import dev.autoprom.it.websocket.server.TyrusChatServer;
import dev.autoprom.it.websocket.server.UndertowChatServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Undertow and Tyrus chat servers with {@code autoprom.test.fault.injection=true}: every advice throws on entry
 * and exit. Echoes, fragments and the close must behave exactly as without the agent, and the agent must
 * have counted the throws (so the advice ran on these paths).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerFaultInjectionIT {

    @ParameterizedTest
    @ValueSource(classes = {UndertowChatServer.class, TyrusChatServer.class})
    void failingAdviceChangesNothingTheClientSees(Class<?> server) throws Exception {
        try (ChildJvm app = ChildJvm.main(server)
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            int port = Integer.parseInt(
                    app.awaitOutput("CHAT_PORT=(\\d+)", Duration.ofSeconds(60)).group(1));
            for (String path : new String[] {"/chat/room-faults", "/prog/room-faults"}) {
                WsDriver.Connection client =
                        WebSocketServerContract.client().connect(URI.create("ws://127.0.0.1:" + port + path));
                byte[] binary = new byte[1000];
                for (int i = 0; i < 3; i++) {
                    client.sendText("hello " + i);
                    assertThat(client.nextMessage()).isEqualTo("hello " + i);
                    client.sendBinary(binary);
                    assertThat((byte[]) client.nextMessage()).isEqualTo(binary);
                }
                client.sendText(ChatEndpoints.FRAGMENT_ME);
                assertThat(client.nextMessage()).isEqualTo("f".repeat(100));
                client.close();
                assertThat(client.awaitEnd()).isEqualTo("close 1000");
            }
            assertThat(Scrape.port(app.metricsPort()).sum("autoprom_agent_errors_total", "component", "advice"))
                    .as("the injected faults were thrown (and swallowed)")
                    .isPositive();
        }
    }
}
