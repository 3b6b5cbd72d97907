package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.HookCoverage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every WebSocket client library must record, with exact values. Each library's IT extends this with its
 * {@link WsDriver}. Every test talks to its own 127.0.0.x so that its series are its own.
 */
abstract class WebSocketClientContract {

    /** 100 bytes in UTF-8 but 96 chars: proves text is measured in UTF-8 bytes, not chars. */
    static final String TEXT_100_BYTES = "\u20ac\ud83d\ude00" + "x".repeat(93);

    static final int BINARY_SIZE = 1000;

    abstract WsDriver driver();

    /** Whatever a test did, the agent must not have failed inside (every advice swallows and counts its errors). */
    @AfterEach
    void agentRecordedNoInternalErrors() {
        WsMetrics.assertNoAgentErrors();
    }

    /**
     * The instrumentation that records this library, whose every hook must match the version the module runs
     * (its pom names it in {@code expected.<instrumentation>}); null where another test class checks it.
     */
    String instrumentation() {
        return null;
    }

    @Test
    void everyHookOfTheInstrumentationMatchesThisVersion() throws Exception {
        Assumptions.assumeTrue(instrumentation() != null, "checked by the library's own test class");
        // one exchange first: every class the instrumentation hooks is loaded and transformed
        echoRecordsMessageCountsAndSizesThenOneCleanClose();
        String version = System.getProperty("expected." + instrumentation());
        assertThat(version)
                .as("expected.%s in the module's pom", instrumentation())
                .isNotNull();
        HookCoverage.port(WsMetrics.PORT).assertAllHooksMatched(instrumentation(), version);
    }

    /** The error_type of a handshake against a port nothing listens on. */
    String refusedErrorType() {
        return "java.net.ConnectException";
    }

    @Test
    void echoRecordsMessageCountsAndSizesThenOneCleanClose() throws Exception {
        assertThat(TEXT_100_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(100);
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        byte[] binary = new byte[BINARY_SIZE];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }

        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        // the open may be recorded a moment after connect returned
        WsMetrics.await(driver.library(), host, m -> m.active() == 1);
        for (int i = 0; i < 10; i++) {
            connection.sendText(TEXT_100_BYTES);
        }
        for (int i = 0; i < 3; i++) {
            connection.sendBinary(binary);
        }
        int texts = 0;
        int binaries = 0;
        for (int i = 0; i < 13; i++) {
            Object message = connection.nextMessage();
            if (message instanceof String) {
                assertThat(message).isEqualTo(TEXT_100_BYTES);
                texts++;
            } else {
                assertThat((byte[]) message).isEqualTo(binary);
                binaries++;
            }
        }
        assertThat(texts).isEqualTo(10);
        assertThat(binaries).isEqualTo(3);
        connection.close();
        assertThat(connection.awaitEnd()).isEqualTo("close 1000");

        // the listener's last call is recorded when it returns, a moment after the test got its message
        WsMetrics metrics =
                WsMetrics.await(driver.library(), host, m -> m.closes() >= 1 && m.active() == 0 && m.handled() >= 13);
        assertThat(metrics.messages("sent", "text")).as(metrics.lines()).isEqualTo(10);
        assertThat(metrics.bytes("sent", "text")).isEqualTo(1000);
        assertThat(metrics.messages("sent", "binary")).isEqualTo(3);
        assertThat(metrics.bytes("sent", "binary")).isEqualTo(3000);
        assertThat(metrics.messages("received", "text")).isEqualTo(10);
        assertThat(metrics.bytes("received", "text")).isEqualTo(1000);
        assertThat(metrics.messages("received", "binary")).isEqualTo(3);
        assertThat(metrics.bytes("received", "binary")).isEqualTo(3000);
        assertThat(metrics.closes("1000")).isEqualTo(1);
        assertThat(metrics.closes()).isEqualTo(1);
        assertThat(metrics.connects("")).isEqualTo(1);
        assertThat(metrics.connects()).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(0);
        assertThat(metrics.errors()).isEqualTo(0);
        // the listener's handling of each received message
        assertThat(metrics.handled("text", "")).isEqualTo(10);
        assertThat(metrics.handled("binary", "")).isEqualTo(3);
    }

    @Test
    void fragmentedMessagesCountOnceWithTheirWholeSize() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        String quarter = "q".repeat(25);
        boolean sendsFragments = driver.sendsFragments();
        if (sendsFragments) {
            connection.sendTextFragments(quarter, quarter, quarter, quarter);
            assertThat(connection.nextMessage()).isEqualTo(quarter.repeat(4));
        }
        connection.sendText(EchoServer.FRAGMENT_ME);
        assertThat(connection.nextMessage()).isEqualTo("f".repeat(EchoServer.FRAGMENTED_SIZE));
        connection.close();
        assertThat(connection.awaitEnd()).isEqualTo("close 1000");

        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.closes() >= 1 && m.active() == 0);
        int whole = sendsFragments ? 1 : 0;
        assertThat(metrics.messages("sent", "text")).as(metrics.lines()).isEqualTo(whole + 1);
        assertThat(metrics.bytes("sent", "text")).isEqualTo(whole * 100 + EchoServer.FRAGMENT_ME.length());
        assertThat(metrics.messages("received", "text")).isEqualTo(whole + 1);
        assertThat(metrics.bytes("received", "text")).isEqualTo(whole * 100 + EchoServer.FRAGMENTED_SIZE);
    }

    @Test
    void pingIsCountedSentAndTheServersPongReceived() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        int size = connection.sendPing();
        Assumptions.assumeTrue(size >= 0, "the library's API sends no pings");
        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.messages("received", "pong") >= 1);
        connection.close();
        connection.awaitEnd();
        assertThat(metrics.messages("sent", "ping")).as(metrics.lines()).isEqualTo(1);
        assertThat(metrics.bytes("sent", "ping")).isEqualTo(size);
        assertThat(metrics.messages("received", "pong")).isEqualTo(1);
        assertThat(metrics.bytes("received", "pong")).isEqualTo(size);
        assertThat(metrics.messages("sent", "text")).isEqualTo(0);
    }

    @Test
    void theServersCloseCodeIsRecorded() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        connection.sendText(EchoServer.GO_AWAY);
        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.closes() >= 1 && m.active() == 0);
        assertThat(metrics.closes("1001")).as(metrics.lines()).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(0);
        try {
            connection.close(); // the application's answer; some libraries already answered (JDK: "Output closed")
        } catch (Exception alreadyClosed) {
            // the library's own behaviour, with or without the agent
        }
    }

    @Test
    void anAbortedConnectionEndsWith1006() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        Assumptions.assumeTrue(connection.abort(), "the library's API cannot abort");
        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.closes() >= 1 && m.active() == 0);
        assertThat(metrics.closes("1006")).as(metrics.lines()).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(0);
    }

    /** What the library reported as errors when the server was killed (libraries differ; see each IT). */
    void verifyErrorsAfterKill(WsMetrics metrics) {}

    @Test
    void serverKilledAbruptlyRecordsCloseCode1006() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection;
        try (EchoServers.Running server = EchoServers.start()) {
            connection = driver.connect(server.echo(host));
            connection.sendText("hello");
            assertThat(connection.nextMessage()).isEqualTo("hello");
            WsMetrics.await(driver.library(), host, m -> m.active() == 1);
        } // kills the server's JVM: its sockets close without a close frame
        String end = connection.awaitEnd();

        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.closes() >= 1 && m.active() == 0);
        assertThat(metrics.closes("1006")).as(end + "\n" + metrics.lines()).isEqualTo(1);
        assertThat(metrics.closes()).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(0);
        assertThat(metrics.messages("received", "text")).isEqualTo(1);
        verifyErrorsAfterKill(metrics);
    }

    @Test
    void failedHandshakesRecordConnectDurationWithErrorType() {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        // the application still gets the library's own failures
        assertThatThrownBy(() -> driver.connect(EchoServers.notFound(host)))
                .isInstanceOf(driver.rejectedUpgradeFailure());
        assertThatThrownBy(() -> driver.connect(EchoServers.closedPort(host)))
                .isInstanceOf(driver.refusedConnectionFailure());

        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.connects() >= 2);
        assertThat(metrics.connects("404")).as(metrics.lines()).isEqualTo(1);
        assertThat(metrics.connects(refusedErrorType())).as(metrics.lines()).isEqualTo(1);
        assertThat(metrics.connects()).isEqualTo(2);
        assertThat(metrics.closes()).isEqualTo(0);
        assertThat(metrics.active()).isEqualTo(0);
    }

    @Test
    void sixteenConcurrentClientsGiveExactTotals() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        int clients = 16;
        int perClient = 100;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
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
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo("close 1000");
            }
        } finally {
            pool.shutdownNow();
        }

        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.closes() >= clients && m.active() == 0);
        assertThat(metrics.messages("sent", "text")).as(metrics.lines()).isEqualTo(clients * perClient);
        assertThat(metrics.bytes("sent", "text")).isEqualTo(clients * perClient * 10);
        assertThat(metrics.messages("received", "text")).isEqualTo(clients * perClient);
        assertThat(metrics.bytes("received", "text")).isEqualTo(clients * perClient * 10);
        assertThat(metrics.closes("1000")).isEqualTo(clients);
        assertThat(metrics.connects("")).isEqualTo(clients);
        assertThat(metrics.active()).isEqualTo(0);
    }

    /**
     * Handling time is the application's own listener: one that takes 20 ms per message gives one sample per
     * message, none of them within 10 ms (the bucket below 20 ms is empty) and a sum of at least 20 ms each.
     */
    @Test
    void aListenerTaking20msPerMessageIsMeasured() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        connection.handlingMillis = 20;
        for (int i = 0; i < 3; i++) {
            connection.sendText(TEXT_100_BYTES);
        }
        connection.sendBinary(new byte[BINARY_SIZE]);
        for (int i = 0; i < 4; i++) {
            connection.nextMessage();
        }
        WsMetrics metrics = WsMetrics.await(driver.library(), host, m -> m.handled() >= 4);
        connection.close();
        connection.awaitEnd();
        assertThat(metrics.handled("text", "")).as(metrics.lines()).isEqualTo(3);
        assertThat(metrics.handled("binary", "")).isEqualTo(1);
        assertThat(metrics.handled()).isEqualTo(4);
        assertThat(metrics.handledWithin("0.01")).isEqualTo(0);
        assertThat(metrics.handledWithin("0.0005")).isEqualTo(0);
        assertThat(metrics.handlingSeconds()).isGreaterThanOrEqualTo(4 * 0.020);
    }

    /** A listener that throws: its handling sample carries the exception's class as error_type. */
    @Test
    void aListenerThatThrowsRecordsItsErrorType() throws Exception {
        WsDriver driver = driver();
        String host = EchoServers.uniqueHost();
        WsDriver.Connection connection = driver.connect(EchoServers.echo(host));
        connection.sendText("before");
        assertThat(connection.nextMessage()).isEqualTo("before");
        connection.sendText(WsDriver.Connection.THROW_ME); // echoed: the client's listener throws
        WsMetrics metrics =
                WsMetrics.await(driver.library(), host, m -> m.handled("text", "java.lang.IllegalStateException") >= 1);
        assertThat(metrics.handled("text", "java.lang.IllegalStateException"))
                .as(metrics.lines())
                .isEqualTo(1);
        assertThat(metrics.handled("text", "")).isEqualTo(1);
        try {
            connection.close(); // what a library does after its listener threw is its own (some close the connection)
        } catch (Exception alreadyClosed) {
            // the library's own behaviour, with or without the agent
        }
    }
}
