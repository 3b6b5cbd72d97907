package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import dev.autoprom.it.websocket.springapp.SpringChatApplication;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * STOMP over Spring WebSocket ({@code @EnableWebSocketMessageBroker}, simple broker, {@code @MessageMapping}) in
 * the Spring Boot 3.5 application: the connection under the STOMP endpoint's registered pattern
 * ({@code /stomp/{tenant}}), each WebSocket message a STOMP frame, and handling time for the frames dispatched
 * to a {@code @MessageMapping} method only (the method and its {@code @SendTo}), with {@code error_type} when
 * it threw. The JDK client speaks STOMP 1.2 frames by hand, so the sizes received are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpringStompServerIT {

    private static final String ROUTE = "/stomp/{tenant}";

    private ChildJvm server;
    private int port;
    private int agentPort;

    @BeforeAll
    void startServer() {
        // this application also exports a Jakarta endpoint: Tomcat's filter sees every upgrade first
        server = ChildJvm.main(SpringChatApplication.class)
                .property("chat.jakarta", "true")
                .start();
        port = Integer.parseInt(
                server.awaitOutput("CHAT_PORT=(\\d+)", Duration.ofSeconds(60)).group(1));
        agentPort = server.metricsPort();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void agentRecordedNoInternalErrors() {
        Scrape scrape = Scrape.port(agentPort);
        assertThat(scrape.sum("autoprom_agent_errors_total"))
                .as(() -> scrape.find("autoprom_agent_errors_total").toString() + "\n" + server.output())
                .isZero();
    }

    private ServerMetrics scrape() {
        return new ServerMetrics(Scrape.port(agentPort), "spring", ROUTE);
    }

    static String frame(String command, String body, String... headers) {
        StringBuilder frame = new StringBuilder(command).append('\n');
        for (String header : headers) {
            frame.append(header).append('\n');
        }
        return frame.append('\n').append(body).append('\0').toString();
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A STOMP session: CONNECT, CONNECTED, SUBSCRIBE to {@code /topic/echo/<room>}; counts the bytes it sent. */
    final class StompClient {
        final WsDriver.Connection connection;
        final String room;
        int framesSent;
        int bytesSent;

        StompClient(String tenant, String room) throws Exception {
            this.room = room;
            connection =
                    WebSocketServerContract.client().connect(URI.create("ws://127.0.0.1:" + port + "/stomp/" + tenant));
            send(frame("CONNECT", "", "accept-version:1.2", "host:localhost"));
            assertThat((String) connection.nextMessage()).startsWith("CONNECTED\n");
            send(frame("SUBSCRIBE", "", "id:sub-0", "destination:/topic/echo/" + room));
        }

        void send(String frame) throws Exception {
            connection.sendText(frame);
            framesSent++;
            bytesSent += utf8(frame);
        }

        void sendTo(String mapping, String body) throws Exception {
            send(frame("SEND", body, "destination:/app/" + mapping + "/" + room, "content-type:text/plain"));
        }

        /** The body of the next MESSAGE frame. */
        String nextBody() throws Exception {
            String message = (String) connection.nextMessage();
            assertThat(message).startsWith("MESSAGE\n");
            return message.substring(message.indexOf("\n\n") + 2, message.length() - 1);
        }
    }

    final class Delta {
        final ServerMetrics before = scrape();
        ServerMetrics after = before;

        double of(ToDoubleFunction<ServerMetrics> value) {
            return value.applyAsDouble(after) - value.applyAsDouble(before);
        }

        Delta await(Predicate<Delta> done) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                after = scrape();
                if (done.test(this)) {
                    return this;
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("condition not met within 20s; server series:\n" + after.lines()
                    + "\nserver output:\n" + server.output());
        }
    }

    @Test
    void aStompSessionIsOneConnectionUnderTheEndpointPatternWithExactFrames() throws Exception {
        Delta delta = new Delta();
        StompClient client = new StompClient("tenant-4711", "room-4711");
        for (int i = 0; i < 5; i++) {
            client.sendTo("echo", "hello-" + i);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(client.nextBody()).isEqualTo("hello-" + i);
        }
        delta.await(d -> d.of(ServerMetrics::active) == 1);
        client.connection.close();
        assertThat(client.connection.awaitEnd()).isEqualTo("close 1000");

        delta.await(
                d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0 && d.of(ServerMetrics::handled) >= 5);
        String lines = delta.after.lines();
        // CONNECT, SUBSCRIBE and 5 SENDs in; CONNECTED and 5 MESSAGEs out
        assertThat(delta.of(m -> m.messages("received", "text"))).as(lines).isEqualTo(7);
        assertThat(delta.of(m -> m.bytes("received", "text"))).isEqualTo(client.bytesSent);
        assertThat(delta.of(m -> m.messages("sent", "text"))).isEqualTo(6);
        assertThat(delta.of(m -> m.closes("1000"))).isEqualTo(1);
        assertThat(delta.of(ServerMetrics::closes)).isEqualTo(1);
        // handling: the 5 frames dispatched to the @MessageMapping method, not CONNECT nor SUBSCRIBE
        assertThat(delta.of(m -> m.handled("text", ""))).isEqualTo(5);
        assertThat(delta.of(ServerMetrics::handled)).isEqualTo(5);
        assertThat(delta.after.scrape.text()).doesNotContain("tenant-4711").doesNotContain("room-4711");
        // recorded once: not again under Tomcat's own label, with or without the route
        assertThat(new ServerMetrics(delta.after.scrape, "jakarta", ROUTE).closes())
                .isZero();
        assertThat(new ServerMetrics(delta.after.scrape, "jakarta", "").closes())
                .isZero();
    }

    /**
     * Here Tomcat has an endpoint of its own, finds none for the path and passes the request on to Spring, which
     * answers 404: counted once, under Spring's label. The Jakarta endpoint's own sessions stay Jakarta ones.
     */
    @Test
    void inAnApplicationWithJakartaEndpointsTooAnUnknownPathIsOne404() throws Exception {
        ServerMetrics springBefore = new ServerMetrics(Scrape.port(agentPort), "spring", "");
        ServerMetrics jakartaBefore = new ServerMetrics(Scrape.port(agentPort), "jakarta", "");
        ServerMetrics endpointBefore = new ServerMetrics(Scrape.port(agentPort), "jakarta", "/jakarta/{room}");
        assertThatThrownBy(() -> WebSocketServerContract.client()
                        .connect(URI.create("ws://127.0.0.1:" + port + "/no-such-endpoint")))
                .isInstanceOf(WebSocketHandshakeException.class);
        WsDriver.Connection jakarta =
                WebSocketServerContract.client().connect(URI.create("ws://127.0.0.1:" + port + "/jakarta/room-j"));
        jakarta.sendText("hello");
        assertThat(jakarta.nextMessage()).isEqualTo("hello");
        jakarta.close();
        assertThat(jakarta.awaitEnd()).isEqualTo("close 1000");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ServerMetrics spring;
        ServerMetrics endpoint;
        do {
            Thread.sleep(50);
            Scrape now = Scrape.port(agentPort);
            spring = new ServerMetrics(now, "spring", "");
            endpoint = new ServerMetrics(now, "jakarta", "/jakarta/{room}");
        } while ((spring.errors("404") - springBefore.errors("404") < 1
                        || endpoint.closes() - endpointBefore.closes() < 1)
                && System.nanoTime() < deadline);
        assertThat(spring.errors("404") - springBefore.errors("404"))
                .as(spring.lines())
                .isEqualTo(1);
        assertThat(new ServerMetrics(spring.scrape, "jakarta", "").errors("404") - jakartaBefore.errors("404"))
                .isZero();
        assertThat(endpoint.closes("1000") - endpointBefore.closes("1000"))
                .as(endpoint.lines())
                .isEqualTo(1);
        assertThat(endpoint.messages("received", "text") - endpointBefore.messages("received", "text"))
                .isEqualTo(1);
        assertThat(spring.scrape.text()).doesNotContain("room-j").doesNotContain("no-such-endpoint");
    }

    @Test
    void aMessageMappingThatThrowsRecordsItsErrorType() throws Exception {
        Delta delta = new Delta();
        StompClient client = new StompClient("tenant-t", "room-throws");
        client.sendTo("echo", "before");
        assertThat(client.nextBody()).isEqualTo("before");
        client.sendTo("echo", SpringChatApplication.THROW_ME);
        client.sendTo("echo", "after");
        assertThat(client.nextBody()).isEqualTo("after"); // the session survives the failure
        delta.await(d -> d.of(ServerMetrics::handled) >= 3);
        assertThat(delta.of(m -> m.handled("text", "java.lang.IllegalStateException")))
                .as(delta.after.lines())
                .isEqualTo(1);
        assertThat(delta.of(m -> m.handled("text", ""))).isEqualTo(2);
        client.connection.close();
        client.connection.awaitEnd();
        delta.await(d -> d.after.active() == 0);
    }

    @Test
    void aMessageMappingTaking20msPerFrameIsMeasured() throws Exception {
        Delta delta = new Delta();
        StompClient client = new StompClient("tenant-s", "room-slow");
        for (int i = 0; i < 3; i++) {
            client.sendTo("slow", "slow-" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(client.nextBody()).isEqualTo("slow-" + i);
        }
        client.connection.close();
        client.connection.awaitEnd();
        delta.await(d -> d.of(ServerMetrics::handled) >= 3 && d.after.active() == 0);
        assertThat(delta.of(m -> m.handled("text", ""))).as(delta.after.lines()).isEqualTo(3);
        assertThat(delta.of(m -> m.handledWithin("0.01"))).isZero();
        assertThat(delta.of(ServerMetrics::handlingSeconds)).isGreaterThanOrEqualTo(3 * 0.020);
    }

    @Test
    void aStompClientThatVanishesEndsWith1006() throws Exception {
        Delta delta = new Delta();
        StompClient client = new StompClient("tenant-k", "room-1006");
        client.sendTo("echo", "hello");
        assertThat(client.nextBody()).isEqualTo("hello");
        delta.await(d -> d.of(ServerMetrics::active) == 1);
        assertThat(client.connection.abort()).isTrue();
        delta.await(d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(m -> m.closes("1006"))).as(delta.after.lines()).isEqualTo(1);
        assertThat(delta.of(ServerMetrics::closes)).isEqualTo(1);
    }

    @Test
    void everyHookOfTheStompInstrumentationMatchesThisVersion() throws Exception {
        aMessageMappingThatThrowsRecordsItsErrorType();
        HookCoverage.port(agentPort)
                .assertAllHooksMatched("spring-stomp", System.getProperty("expected.spring-stomp"))
                .assertAllHooksMatched(
                        "spring-websocket-server", System.getProperty("expected.spring-websocket-server"));
    }
}
