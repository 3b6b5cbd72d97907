package dev.autoprom.instrumentation.websocket;

import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection, client or server ({@link #accepted}), from the start of its handshake to its end: the state every library's hooks share.
 * It records the side's metrics and caches the label children it uses, so that recording a message is a
 * field read and an {@code observe} (no lookup, no allocation).
 *
 * <p>Life cycle: {@link #connecting} → {@link #opened} or {@link #connectFailed} → {@link #closed}. Each step
 * happens at most once whatever order the library's callbacks arrive in (a CAS on {@link #state}), so an
 * instrumentation may report an end from several places (close callback, error callback, abort) safely.
 *
 * <p>Messages: one {@link MessageDirection} each way ({@link #sent()}, {@link #received()}), with its label
 * children and fragment state; hooks call it directly, so a message costs one call and an {@code observe}.
 *
 * <p>Only {@code java.base} types in the signatures: this class lives on the bootstrap class path.
 */
public final class WsConnection {

    public static final int TEXT = 0;
    public static final int BINARY = 1;
    public static final int PING = 2;
    public static final int PONG = 3;
    /** A continuation frame: the type is that of the message in progress. */
    public static final int CONTINUATION = -1;

    /** The close code recorded when a connection ends without a close frame (RFC 6455 7.1.5). */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** A frame the message metric does not count (close frames, reserved opcodes). */
    public static final int NOT_COUNTED = -2;

    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int ENDED = 2;

    private final String library;
    private final String serverAddress;
    private final long connectStartNanos;
    private final AtomicInteger state = new AtomicInteger(CONNECTING);
    private volatile long openNanos;
    private volatile GaugeDataPoint active;

    private final MessageDirection sent;
    private final MessageDirection received;

    /** The client's or the server's metrics. */
    private final WsSeries series;

    private final boolean server;
    /** The handling-time children of text and binary messages whose handler returned normally. */
    private final DistributionDataPoint[] handled = new DistributionDataPoint[2];

    private WsConnection(WsSeries series, boolean server, String library, String address) {
        this.series = series;
        this.server = server;
        this.library = library;
        this.serverAddress = address == null ? "" : address;
        this.connectStartNanos = System.nanoTime();
        this.sent = new MessageDirection(series, library, this.serverAddress, "sent");
        this.received = new MessageDirection(series, library, this.serverAddress, "received");
    }

    /** The message type of an RFC 6455 frame opcode (continuation 0, text 1, binary 2, ping 9, pong 10). */
    public static int typeOfOpcode(int opcode) {
        switch (opcode) {
            case 0:
                return CONTINUATION;
            case 1:
                return TEXT;
            case 2:
                return BINARY;
            case 9:
                return PING;
            case 10:
                return PONG;
            default:
                return NOT_COUNTED;
        }
    }

    /** A client handshake starts now. */
    public static WsConnection connecting(String library, String serverAddress) {
        return new WsConnection(WebSocketMetrics.CLIENT, false, library, serverAddress);
    }

    /**
     * A server connection whose upgrade was accepted: {@code route} is the endpoint's path template. Call
     * {@link #opened()} when the library opens it; servers record no connect duration.
     */
    public static WsConnection accepted(String library, String route) {
        return new WsConnection(WebSocketServerMetrics.SERVER, true, library, route);
    }

    /** An upgrade the server refused (a 403 from a configurator or interceptor, a 404): one server error. */
    public static void upgradeRejected(String library, String route, int status) {
        try {
            WebSocketServerMetrics.SERVER
                    .errors
                    .get(library, route == null ? "" : route, ErrorTypes.status(status))
                    .inc();
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    public boolean isServer() {
        return server;
    }

    public String library() {
        return library;
    }

    public String serverAddress() {
        return serverAddress;
    }

    public boolean isConnecting() {
        return state.get() == CONNECTING;
    }

    public boolean isEnded() {
        return state.get() == ENDED;
    }

    /** The handshake succeeded: records the connect duration and counts the connection as active. */
    public void opened() {
        try {
            if (!state.compareAndSet(CONNECTING, OPEN)) {
                return;
            }
            long now = System.nanoTime();
            openNanos = now;
            if (!server) {
                WebSocketMetrics.CONNECTS.get(library, serverAddress, "").observe(seconds(now - connectStartNanos));
            }
            GaugeDataPoint gauge = series.active.get(library, serverAddress);
            active = gauge;
            gauge.inc();
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** The handshake failed with {@code errorType} (an exception class name or an HTTP status). */
    public void connectFailed(String errorType) {
        try {
            if (state.compareAndSet(CONNECTING, ENDED) && !server) {
                WebSocketMetrics.CONNECTS
                        .get(library, serverAddress, errorType)
                        .observe(seconds(System.nanoTime() - connectStartNanos));
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /**
     * The open connection ended with {@code closeCode} (the code of the close frame, or {@link #ABNORMAL_CLOSURE}).
     * Only the first end counts; an end before the connection opened is ignored (that is a connect failure).
     */
    public void closed(int closeCode) {
        try {
            if (!state.compareAndSet(OPEN, ENDED)) {
                return;
            }
            GaugeDataPoint gauge = active;
            if (gauge != null) {
                gauge.dec();
            }
            series.lifetimes
                    .get(library, serverAddress, Integer.toString(closeCode))
                    .observe(seconds(System.nanoTime() - openNanos));
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** The library reported an error on this connection. Before the connection opened it is a connect failure. */
    public void error(String errorType) {
        try {
            if (!server && state.get() == CONNECTING) {
                connectFailed(errorType);
            } else {
                series.errors.get(library, serverAddress, errorType).inc();
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** The messages this connection sent. */
    public MessageDirection sent() {
        return sent;
    }

    /** The messages this connection received. */
    public MessageDirection received() {
        return received;
    }

    /**
     * The application's listener handled one received message of {@code type} ({@link #TEXT} or {@link #BINARY}),
     * starting at {@code startNanos} ({@link System#nanoTime()}); {@code error} is what it threw, or null. The
     * normal path is a cached child and an {@code observe}: no lookup, no allocation.
     */
    public void handled(int type, long startNanos, Throwable error) {
        try {
            if (startNanos == 0 || (type != TEXT && type != BINARY)) {
                return;
            }
            double elapsed = seconds(System.nanoTime() - startNanos);
            if (error != null) {
                series.handling
                        .get(library, serverAddress, type == TEXT ? "text" : "binary", ErrorTypes.of(error))
                        .observe(elapsed);
                return;
            }
            DistributionDataPoint child = handled[type];
            if (child == null) {
                // a benign race: CappedSeries returns the same child to every thread
                child = series.handling.get(library, serverAddress, type == TEXT ? "text" : "binary", "");
                handled[type] = child;
            }
            child.observe(elapsed);
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
