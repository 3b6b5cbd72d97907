package dev.autoprom.bench.jmh.recording;

import dev.autoprom.instrumentation.websocket.HandlerErrors;
import dev.autoprom.instrumentation.websocket.WsConnection;
import dev.autoprom.instrumentation.websocket.jetty.JettyHooks;
import dev.autoprom.instrumentation.websocket.tomcat.TomcatHooks;
import dev.autoprom.instrumentation.websocket.undertow.UndertowHooks;
import dev.autoprom.instrumentation.websocket.vertx.VertxWebSocketHooks;
import java.nio.ByteBuffer;
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
 * The per-message path of WebSocket servers (issue 20): one received message on a server connection, with its
 * handling time, through the real hooks the advice calls. Target: at most 100 ns and 0 B/op, no lock.
 *
 * <ul>
 *   <li><b>jettyMessage</b>: {@code JettyHooks.frameReceived} (registry probe, message size, handling start) +
 *       {@code JettyHooks.handled} (handling time): what the {@code IncomingAdaptor.onFrame} advice does for a
 *       whole text message on a Jetty server session (Jakarta or Jetty's own API).</li>
 *   <li><b>tomcatHandling</b>: {@code TomcatHooks.handlingStarts(session)} + {@code handled}: the
 *       {@code WsFrameBase.sendMessageText} advice (the size is recorded by the frame-header hook, as for clients).</li>
 *   <li><b>undertowEcho</b>: one text message received and echoed on an Undertow server channel, as its advice
 *       does it: {@code UndertowHooks.frameReceived} (the parsed frame header), {@code handlingStarts} +
 *       {@code handled} (the frame handler's task) and {@code frameSent} (the echo's frame header, read back from
 *       its bytes).</li>
 *   <li><b>vertxEcho</b>: the same on a Vert.x server socket: {@code VertxWebSocketHooks.connection} + {@code
 *       received().part} ({@code handleFrame}), {@code handlingStarts} + {@code HandlerErrors.finish}
 *       ({@code receiveFrame}), {@code connection} + {@code sent().part} (the echo's frame write).</li>
 *   <li><b>handledOnly</b>: {@code WsConnection.handled} on a connection the caller holds (the JDK and OkHttp
 *       bridges).</li>
 * </ul>
 *
 * Four server sessions on two routes, picked in turn; the sessions are plain objects standing in for the
 * library's (the hooks only use them as registry keys).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WebSocketServerRecordingBenchmark {

    private Object[] jettySessions;
    private Object[] tomcatSessions;
    private WsConnection[] connections;
    private Object[] undertowChannels;
    private Object[] undertowFrameHandlers;
    private Object[] vertxSockets;
    /** An echo's frame header as Undertow writes it: FIN + text, 88-byte payload. */
    private final ByteBuffer textHeader = ByteBuffer.wrap(new byte[] {(byte) 0x81, 88});

    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String[] routes = {"/chat/{room}", "/quotes/{symbol}"};
        jettySessions = new Object[4];
        tomcatSessions = new Object[4];
        connections = new WsConnection[4];
        undertowChannels = new Object[4];
        undertowFrameHandlers = new Object[4];
        vertxSockets = new Object[4];
        for (int i = 0; i < 4; i++) {
            undertowChannels[i] = new Object();
            undertowFrameHandlers[i] = new Object();
            UndertowHooks.serverSession(
                    undertowChannels[i], undertowFrameHandlers[i], routes[i & 1], "dev.example.ChatEndpoint");
            vertxSockets[i] = new Object();
            VertxWebSocketHooks.routed(vertxSockets[i], routes[i & 1]);
            VertxWebSocketHooks.opened(vertxSockets[i], vertxSockets[i]);
            jettySessions[i] = new Object();
            JettyHooks.serverSessionCreated(
                    jettySessions[i], "org.eclipse.jetty.websocket.common.JettyWebSocketFrameHandler", routes[i & 1]);
            JettyHooks.opened(jettySessions[i]);
            tomcatSessions[i] = new Object();
            TomcatHooks.serverSessionCreated(tomcatSessions[i], routes[i & 1], new Object());
            connections[i] = WsConnection.accepted("jakarta", routes[i & 1]);
            connections[i].opened();
        }
    }

    @Benchmark
    public void jettyMessage() {
        Object session = jettySessions[next];
        next = (next + 1) & 3;
        long start = JettyHooks.frameReceived(session, 1, 88, true);
        JettyHooks.handled(session, start);
    }

    @Benchmark
    public void tomcatHandling() {
        long start = TomcatHooks.handlingStarts(tomcatSessions[next]);
        TomcatHooks.handled(WsConnection.TEXT, start);
        next = (next + 1) & 3;
    }

    @Benchmark
    public void undertowEcho() {
        int i = next;
        next = (next + 1) & 3;
        Object channel = undertowChannels[i];
        UndertowHooks.frameReceived(channel, 1, 88, true);
        long start = UndertowHooks.handlingStarts(undertowFrameHandlers[i]);
        UndertowHooks.handled(WsConnection.TEXT, start);
        UndertowHooks.frameSent(channel, textHeader);
    }

    @Benchmark
    public void vertxEcho() {
        Object socket = vertxSockets[next];
        next = (next + 1) & 3;
        VertxWebSocketHooks.connection(socket).received().part(WsConnection.TEXT, 88, true);
        long start = VertxWebSocketHooks.handlingStarts(socket);
        HandlerErrors.finish(HandlerErrors.LAST_RECEIVED, start, null);
        VertxWebSocketHooks.connection(socket).sent().part(WsConnection.TEXT, 88, true);
    }

    @Benchmark
    public void handledOnly() {
        WsConnection connection = connections[next];
        next = (next + 1) & 3;
        connection.handled(WsConnection.TEXT, System.nanoTime(), null);
    }
}
