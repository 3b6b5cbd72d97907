package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.websocket.ConnectionHolder;
import dev.autoprom.instrumentation.websocket.Utf8;
import dev.autoprom.instrumentation.websocket.WsConnection;
import dev.autoprom.instrumentation.websocket.javawebsocket.JavaWebSocketHooks;
import dev.autoprom.instrumentation.websocket.jdk.JdkWebSocketHooks;
import dev.autoprom.instrumentation.websocket.okhttp.OkHttpHooks;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording path of the WebSocket family: one message sent or received: one observation of {@code websocket_client_message_size_bytes}.
 *
 * <p><b>standIn</b> does what the metric catalog (shared/DESIGN.md) implies the recorder must do at least:
 * the CappedSeries look-ups and observations with this family's label count and buckets. It is the floor, not
 * the family's number.
 *
 * <p><b>recorder</b> calls the family's real recording code the way its advice does (see the method). Keep
 * {@code standIn}: {@code recorder - standIn} is the family's own cost. The recorder registers into the global
 * {@code AgentMetrics.registry()}; one fork per class keeps each class's series apart.
 * Target (issue 7): at most 100 ns and 0 B/op at steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WebSocketRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    private static final String TEXT_MESSAGE =
            "{\"type\":\"quote\",\"symbol\":\"ACME\",\"bid\":101.25,\"ask\":101.27,\"ts\":1764369600123,\"seq\":42}  ";
    private static final CompletableFuture<Object> SEND_DONE = CompletableFuture.completedFuture(null);

    private Holder[] holders;
    /** Java-WebSocket client stand-ins, held here: the registry keys them weakly. */
    private Object[] clients;

    private ByteBuffer binaryMessage;

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram size = AgentMetrics.histogram(
                        "websocket_client_message_size_bytes", "Size of WebSocket messages.", Labels.WS_SIZE_BUCKETS)
                .labelNames(Labels.WS_MESSAGE_LABELS)
                .register(registry);
        series = new CappedSeries<>(size, "websocket_client_message_size_bytes", Labels.WS_MESSAGE_LABELS.length);
        labelSets = Labels.wsMessageLabelSets();
        // label set i: library i & 1 (jdk, okhttp), server (i >> 1) & 1, see Labels.wsMessageLabelSets
        String[] servers = {"stream.example.com", "ws.example.org"};
        holders = new Holder[4];
        for (int c = 0; c < 4; c++) {
            WsConnection connection = WsConnection.connecting((c & 1) == 0 ? "jdk" : "okhttp", servers[c >> 1]);
            connection.opened();
            holders[c] = new Holder(connection);
        }
        clients = new Object[] {new Object(), new Object()};
        for (int c = 0; c < 2; c++) {
            JavaWebSocketHooks.connecting(clients[c], URI.create("wss://" + servers[c] + "/feed"));
            JavaWebSocketHooks.opened(clients[c]);
        }
        binaryMessage = ByteBuffer.allocate(512);
    }

    /** message size observe with 4 labels. */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        series.get(l[0], l[1], l[2], l[3]).observe(512 + next);
    }

    private String[] nextLabels() {
        String[] set = labelSets[next];
        next = (next + 1) & (Labels.COMBOS - 1);
        return set;
    }

    /**
     * The real recorder for one whole message on an open connection, through the calls the JDK and OkHttp
     * instrumentations make. Label set i picks the connection (library x server, 4 {@code WsConnection}s opened in
     * {@link #setUp}), the direction and the type, as {@code standIn} does:
     * <ul>
     *   <li>jdk sent: {@code JdkWebSocketHooks.textSize/bufferSize} + {@code sent(listener, type, bytes, true,
     *       future)} (what the {@code WebSocketImpl.sendText/sendBinary} advice calls);</li>
     *   <li>jdk received: {@code Utf8.length} or {@code remaining()} + {@code received().typedPart(type, bytes,
     *       true)} (what {@code JdkListenerBridge.onText/onBinary} does);</li>
     *   <li>okhttp sent: {@code OkHttpHooks.sentText/sentBinary};</li>
     *   <li>okhttp received: {@code Utf8.length} + {@code received(type, bytes)} ({@code OkHttpListenerBridge}).</li>
     * </ul>
     * The listener is a test double implementing {@code ConnectionHolder} (the bridges cannot be loaded without
     * the agent jar on the bootstrap path); the recording code is the real one. Text messages are an 88-character
     * ASCII JSON string, so the UTF-8 size scan ({@code Utf8.length}) is part of the number for half the calls.
     */
    @Benchmark
    public void recorder() {
        int i = next;
        nextLabels();
        Holder listener = holders[i & 3];
        boolean jdk = (i & 1) == 0;
        boolean sent = ((i >> 2) & 1) == 0;
        boolean text = ((i >> 3) & 1) == 0;
        int type = text ? WsConnection.TEXT : WsConnection.BINARY;
        if (jdk) {
            if (sent) {
                long bytes = text
                        ? JdkWebSocketHooks.textSize(listener, TEXT_MESSAGE)
                        : JdkWebSocketHooks.bufferSize(listener, binaryMessage);
                JdkWebSocketHooks.sent(listener, type, bytes, true, SEND_DONE);
            } else {
                listener.connection
                        .received()
                        .typedPart(type, text ? Utf8.length(TEXT_MESSAGE) : binaryMessage.remaining(), true);
            }
        } else {
            if (sent) {
                if (text) {
                    OkHttpHooks.sentText(listener, true, TEXT_MESSAGE);
                } else {
                    OkHttpHooks.sentBinary(listener, true, binaryMessage.remaining());
                }
            } else {
                listener.connection
                        .received()
                        .whole(type, text ? Utf8.length(TEXT_MESSAGE) : binaryMessage.remaining());
            }
        }
    }

    /**
     * The registry path of the libraries whose connection object cannot be wrapped (Java-WebSocket here; Tyrus,
     * Jetty and Tomcat alike): per frame, {@code JavaWebSocketHooks.connection(client)} (a
     * {@code ConnectionRegistry} probe) + {@code frameSent/frameReceived(connection, opcode, bytes, fin)}
     * (opcode by enum name). Two clients registered through {@code connecting/opened}; binary sizes only.
     */
    @Benchmark
    public void recorderRegistry() {
        int i = next;
        nextLabels();
        WsConnection connection = JavaWebSocketHooks.connection(clients[(i >> 1) & 1]);
        Opcode opcode = ((i >> 3) & 1) == 0 ? Opcode.TEXT : Opcode.BINARY;
        if (((i >> 2) & 1) == 0) {
            JavaWebSocketHooks.frameSent(connection, opcode, 512, true);
        } else {
            JavaWebSocketHooks.frameReceived(connection, opcode, 512, true);
        }
    }

    /** Stands in for {@code org.java_websocket.enums.Opcode}: the hooks read the constant's name only. */
    enum Opcode {
        TEXT,
        BINARY
    }

    /** The listener as the advice sees it: what the JDK and OkHttp bridges are, minus the delegation. */
    static final class Holder implements ConnectionHolder {
        final WsConnection connection;

        Holder(WsConnection connection) {
            this.connection = connection;
        }

        @Override
        public WsConnection autopromConnection() {
            return connection;
        }
    }
}
