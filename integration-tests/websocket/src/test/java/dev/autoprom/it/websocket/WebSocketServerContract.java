package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import dev.autoprom.it.websocket.server.ChatEndpoints;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * What every WebSocket server must record, with exact values. The server under test runs the chat application
 * ({@link ChatEndpoints} or the framework's equivalent: {@code /chat/{room}} echoes, {@code /slow/{room}}
 * takes 20 ms per message, {@code /private/{room}} refuses the handshake with 403) in one child JVM with the
 * agent, shared by all tests of the class; clients are the JDK's, in this JVM. Tests run one after another and
 * assert the difference between a scrape before and after, so each sees only its own traffic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class WebSocketServerContract {

    static final String TEXT_100_BYTES = WebSocketClientContract.TEXT_100_BYTES;

    /** The server's main class: prints {@code CHAT_PORT=<port>}. */
    abstract Class<?> serverMain();

    /** The expected {@code websocket_library}. */
    abstract String library();

    /** The {@code websocket_library} of refused upgrades (before any endpoint of the API exists). */
    String rejectionLibrary() {
        return library();
    }

    /** The route of the echo endpoint, as the server declares it. */
    String chatRoute() {
        return "/chat/{room}";
    }

    String slowRoute() {
        return "/slow/{room}";
    }

    String privateRoute() {
        return "/private/{room}";
    }

    /** Whether the server's API calls the handler once per message (else per frame, and fragments are not whole). */
    boolean handlesWholeMessages() {
        return true;
    }

    /**
     * Whether the server records handling time (WebFlux does not: its application handles a {@code Flux}, not a
     * call per message). Without it, no handling sample at all is the exact expectation.
     */
    boolean measuresHandling() {
        return true;
    }

    /** {@code expected} handling samples of {@code type} without error, or none at all (see {@link #measuresHandling}). */
    void assertHandled(Delta delta, String type, int expected) {
        if (measuresHandling()) {
            assertThat(delta.of(m -> m.handled(type, "")))
                    .as(delta.after.lines())
                    .isEqualTo(expected);
        } else {
            assertThat(delta.of(ServerMetrics::handled)).as(delta.after.lines()).isZero();
        }
    }

    private ChildJvm server;
    private int port;
    private int agentPort;

    @BeforeAll
    void startServer() {
        server = ChildJvm.main(serverMain()).start();
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

    /** The server's agent must not have failed inside, whatever the test did. */
    @AfterEach
    void agentRecordedNoInternalErrors() {
        Scrape scrape = Scrape.port(agentPort);
        assertThat(scrape.sum("autoprom_agent_errors_total"))
                .as(() -> scrape.find("autoprom_agent_errors_total").toString() + "\n" + server.output())
                .isZero();
    }

    /** The instrumentation that records this server, whose every hook must match the version in the pom. */
    abstract String instrumentation();

    @Test
    void everyHookOfTheServerInstrumentationMatchesThisVersion() throws Exception {
        // one exchange first: every class the instrumentation hooks is loaded and transformed
        aHandlerThatThrowsRecordsItsErrorType();
        try {
            rejectedHandshakesAreServerErrors();
        } catch (org.opentest4j.TestAbortedException notThisServer) {
            // a server that refuses nothing has no refusal hook to load
        }
        String version = System.getProperty("expected." + instrumentation());
        assertThat(version)
                .as("expected.%s in the module's pom", instrumentation())
                .isNotNull();
        HookCoverage.port(agentPort).assertAllHooksMatched(instrumentation(), version);
    }

    /** The server's output so far and its agent's {@code /autoprom}, for failure messages. */
    String serverState() {
        return server.output() + "\n"
                + Scrape.get("http://127.0.0.1:" + agentPort + "/autoprom").body();
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    ServerMetrics scrape(String route) {
        return new ServerMetrics(Scrape.port(agentPort), library(), route);
    }

    ServerMetrics scrapeRejections(String route) {
        return new ServerMetrics(Scrape.port(agentPort), rejectionLibrary(), route);
    }

    /** The change of a route's series since {@code before}: awaited until {@code done} holds on it. */
    final class Delta {
        final ServerMetrics before;
        ServerMetrics after;

        private final boolean rejections;

        Delta(String route) {
            this(route, false);
        }

        Delta(String route, boolean rejections) {
            this.rejections = rejections;
            before = rejections ? scrapeRejections(route) : scrape(route);
            after = before;
        }

        double of(ToDoubleFunction<ServerMetrics> value) {
            return value.applyAsDouble(after) - value.applyAsDouble(before);
        }

        Delta await(String route, Predicate<Delta> done) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                after = rejections ? scrapeRejections(route) : scrape(route);
                if (done.test(this)) {
                    return this;
                }
                sleep(50);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("condition not met within 20s; server series:\n" + after.lines()
                    + "\nserver output:\n" + server.output());
        }
    }

    /**
     * Whether the library reports every clean close initiated by the client with its code. Java-WebSocket's server
     * sometimes reports one as 1006: its end-of-stream races its own close handshake, and the application's
     * {@code onClose} gets 1006 too. The agent records what the library reports.
     */
    boolean reportsCleanClosesReliably() {
        return true;
    }

    /** Closes with code 1000, or (see {@link #reportsCleanClosesReliably}) closes of 1000 and 1006. */
    double cleanCloses(Delta delta) {
        return reportsCleanClosesReliably()
                ? delta.of(m -> m.closes("1000"))
                : delta.of(m -> m.closes("1000") + m.closes("1006"));
    }

    static WsDriver client() {
        return new JdkWebSocketIT().driver();
    }

    @Test
    void twoClientsOnTwoRoomsGiveExactCountsSizesAndCleanCloses() throws Exception {
        Delta delta = new Delta(chatRoute());
        byte[] binary = new byte[1000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        List<WsDriver.Connection> clients = new ArrayList<>();
        for (String room : new String[] {"room-4711", "room-0815"}) {
            WsDriver.Connection client = client().connect(uri("/chat/" + room));
            clients.add(client);
            for (int i = 0; i < 10; i++) {
                client.sendText(TEXT_100_BYTES);
            }
            for (int i = 0; i < 3; i++) {
                client.sendBinary(binary);
            }
        }
        delta.await(chatRoute(), d -> d.of(ServerMetrics::active) == 2);
        for (WsDriver.Connection client : clients) {
            for (int i = 0; i < 13; i++) {
                Object echo = client.nextMessage();
                if (echo instanceof String) {
                    assertThat(echo).isEqualTo(TEXT_100_BYTES);
                } else {
                    assertThat((byte[]) echo).isEqualTo(binary);
                }
            }
            client.close();
            assertThat(client.awaitEnd()).isEqualTo("close 1000");
        }

        delta.await(chatRoute(), d -> cleanCloses(d) >= 2 && d.after.active() == 0);
        String lines = delta.after.lines();
        assertThat(delta.of(m -> m.messages("received", "text"))).as(lines).isEqualTo(20);
        assertThat(delta.of(m -> m.bytes("received", "text"))).isEqualTo(2000);
        assertThat(delta.of(m -> m.messages("received", "binary"))).isEqualTo(6);
        assertThat(delta.of(m -> m.bytes("received", "binary"))).isEqualTo(6000);
        assertThat(delta.of(m -> m.messages("sent", "text"))).isEqualTo(20);
        assertThat(delta.of(m -> m.bytes("sent", "text"))).isEqualTo(2000);
        assertThat(delta.of(m -> m.messages("sent", "binary"))).isEqualTo(6);
        assertThat(delta.of(m -> m.bytes("sent", "binary"))).isEqualTo(6000);
        assertThat(cleanCloses(delta)).isEqualTo(2);
        assertThat(delta.of(ServerMetrics::closes)).isEqualTo(2);
        assertThat(delta.after.active()).isZero();
        assertHandled(delta, "text", 20);
        assertHandled(delta, "binary", 6);
        // the path template only: no room in any label of any series
        assertThat(delta.after.scrape.text()).doesNotContain("room-4711").doesNotContain("room-0815");
    }

    String programmaticRoute() {
        return "/prog/{room}";
    }

    /** The programmatic endpoint (an {@code Endpoint} with message handlers) is recorded under its own template. */
    @Test
    void aProgrammaticEndpointIsRecordedUnderItsTemplate() throws Exception {
        Delta delta = new Delta(programmaticRoute());
        WsDriver.Connection client = client().connect(uri("/prog/room-prog"));
        client.sendText(TEXT_100_BYTES);
        client.sendText(TEXT_100_BYTES);
        client.sendBinary(new byte[1000]);
        for (int i = 0; i < 3; i++) {
            client.nextMessage();
        }
        client.close();
        assertThat(client.awaitEnd()).isEqualTo("close 1000");
        delta.await(programmaticRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(m -> m.messages("received", "text")))
                .as(delta.after.lines())
                .isEqualTo(2);
        assertThat(delta.of(m -> m.bytes("received", "text"))).isEqualTo(200);
        assertThat(delta.of(m -> m.messages("sent", "binary"))).isEqualTo(1);
        assertThat(delta.of(m -> m.bytes("sent", "binary"))).isEqualTo(1000);
        assertHandled(delta, "text", 2);
        assertHandled(delta, "binary", 1);
        assertThat(cleanCloses(delta)).isEqualTo(1);
    }

    @Test
    void aClientThatVanishesMidSessionEndsWith1006() throws Exception {
        Delta delta = new Delta(chatRoute());
        WsDriver.Connection client = client().connect(uri("/chat/room-1006"));
        client.sendText("hello");
        assertThat(client.nextMessage()).isEqualTo("hello");
        delta.await(chatRoute(), d -> d.of(ServerMetrics::active) == 1);
        assertThat(client.abort()).isTrue(); // the TCP connection is dropped without a close frame

        delta.await(chatRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        assertThat(delta.of(m -> m.closes("1006"))).as(delta.after.lines()).isEqualTo(1);
        assertThat(delta.of(ServerMetrics::closes)).isEqualTo(1);
        assertThat(delta.after.active()).isZero();
    }

    @Test
    void aHandlerThatThrowsRecordsItsErrorType() throws Exception {
        Delta delta = new Delta(chatRoute());
        WsDriver.Connection client = client().connect(uri("/chat/room-throws"));
        client.sendText("before");
        assertThat(client.nextMessage()).isEqualTo("before");
        client.sendText(ChatEndpoints.THROW_ME);
        delta.await(chatRoute(), d -> d.of(m -> m.handled("text", "java.lang.IllegalStateException")) >= 1);
        assertThat(delta.of(m -> m.handled("text", "java.lang.IllegalStateException")))
                .as(delta.after.lines())
                .isEqualTo(1);
        assertThat(delta.of(m -> m.handled("text", ""))).isEqualTo(1);
        client.abort();
        delta.await(chatRoute(), d -> d.after.active() == 0);
    }

    @Test
    void fragmentedMessagesCountOnceWithTheirWholeSize() throws Exception {
        Delta delta = new Delta(chatRoute());
        WsDriver.Connection client = client().connect(uri("/chat/room-fragments"));
        String quarter = "q".repeat(25);
        client.sendTextFragments(quarter, quarter, quarter, quarter); // received in 4 frames, echoed whole
        assertThat(client.nextMessage()).isEqualTo(quarter.repeat(4));
        client.sendText(ChatEndpoints.FRAGMENT_ME); // answered in 4 fragments
        assertThat(client.nextMessage()).isEqualTo("f".repeat(100));
        client.close();
        assertThat(client.awaitEnd()).isEqualTo("close 1000");

        delta.await(chatRoute(), d -> d.of(ServerMetrics::closes) >= 1 && d.after.active() == 0);
        String lines = delta.after.lines();
        assertThat(delta.of(m -> m.messages("received", "text"))).as(lines).isEqualTo(2);
        assertThat(delta.of(m -> m.bytes("received", "text"))).isEqualTo(100 + ChatEndpoints.FRAGMENT_ME.length());
        assertThat(delta.of(m -> m.messages("sent", "text"))).isEqualTo(2);
        assertThat(delta.of(m -> m.bytes("sent", "text"))).isEqualTo(200);
        if (handlesWholeMessages()) {
            assertHandled(delta, "text", 2);
        }
    }

    @Test
    void sixteenClientsTimesHundredMessagesAreExact() throws Exception {
        Delta delta = new Delta(chatRoute());
        int clients = 16;
        int perClient = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    WsDriver.Connection connection = client().connect(uri("/chat/room-" + client));
                    for (int i = 0; i < perClient; i++) {
                        connection.sendText(String.format("c%02d-m%05d", client, i)); // 10 bytes
                    }
                    for (int i = 0; i < perClient; i++) {
                        assertThat(connection.nextMessage()).isEqualTo(String.format("c%02d-m%05d", client, i));
                    }
                    connection.close();
                    return connection.awaitEnd();
                }));
            }
            for (Future<String> result : results) {
                assertThat(result.get(90, TimeUnit.SECONDS)).isEqualTo("close 1000");
            }
        } finally {
            pool.shutdownNow();
        }

        delta.await(chatRoute(), d -> cleanCloses(d) >= clients && d.after.active() == 0);
        String lines = delta.after.lines();
        assertThat(delta.of(m -> m.messages("received", "text"))).as(lines).isEqualTo(clients * perClient);
        assertThat(delta.of(m -> m.bytes("received", "text"))).isEqualTo(clients * perClient * 10);
        assertThat(delta.of(m -> m.messages("sent", "text"))).isEqualTo(clients * perClient);
        assertThat(delta.of(m -> m.bytes("sent", "text"))).isEqualTo(clients * perClient * 10);
        assertHandled(delta, "text", clients * perClient);
        assertThat(cleanCloses(delta)).isEqualTo(clients);
        assertThat(delta.after.active()).isZero();
        assertThat(delta.after.scrape.text()).doesNotContain("room-1\"").doesNotContain("room-15");
    }

    /** A handler that takes 20 ms per message: every handling sample is above 10 ms, the sum at least 20 ms each. */
    @Test
    void aHandlerTaking20msPerMessageIsMeasured() throws Exception {
        Delta delta = new Delta(slowRoute());
        WsDriver.Connection client = client().connect(uri("/slow/room-slow"));
        for (int i = 0; i < 3; i++) {
            client.sendText("slow-" + i);
        }
        client.sendBinary(new byte[64]);
        for (int i = 0; i < 4; i++) {
            client.nextMessage();
        }
        client.close();
        client.awaitEnd();
        delta.await(slowRoute(), d -> d.of(ServerMetrics::handled) >= 4 && d.after.active() == 0);
        assertThat(delta.of(m -> m.handled("text", ""))).as(delta.after.lines()).isEqualTo(3);
        assertThat(delta.of(m -> m.handled("binary", ""))).isEqualTo(1);
        assertThat(delta.of(m -> m.handledWithin("0.01"))).isZero();
        assertThat(delta.of(ServerMetrics::handlingSeconds)).isGreaterThanOrEqualTo(4 * 0.020);
    }

    /** The status the client gets when the endpoint's configurator refuses the origin. */
    String refusedOriginStatus() {
        return "403";
    }

    /** The client's upgrade to {@code path} fails: the server answered {@code status} instead of 101. */
    void assertUpgradeRefused(String path, String status) throws Exception {
        assertThatThrownBy(() -> client().connect(uri(path))).isInstanceOf(WebSocketHandshakeException.class);
    }

    /** Refused handshakes: a 403 from the endpoint's configurator and a path without endpoint (404). */
    @Test
    void rejectedHandshakesAreServerErrors() throws Exception {
        Delta refused = new Delta(privateRoute(), true);
        Delta unknown = new Delta("", true);
        assertUpgradeRefused("/private/room-secret", refusedOriginStatus());
        assertUpgradeRefused("/no-such-endpoint", "404");
        refused.await(privateRoute(), d -> d.of(m -> m.errors(refusedOriginStatus())) >= 1);
        unknown.await("", d -> d.of(m -> m.errors("404")) >= 1);
        assertThat(refused.of(m -> m.errors(refusedOriginStatus())))
                .as(refused.after.lines())
                .isEqualTo(1);
        assertThat(unknown.of(m -> m.errors("404"))).isEqualTo(1);
        assertThat(refused.after.active()).isZero();
        assertThat(refused.after.scrape.text()).doesNotContain("room-secret").doesNotContain("no-such-endpoint");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
