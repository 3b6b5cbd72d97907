package dev.autoprom.instrumentation.websocket;

import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection, from the start of its handshake to its end: the state every library's hooks share.
 * It records the five metrics and caches the label children it uses, so that recording a message is a
 * field read and an {@code observe} (no lookup, no allocation).
 *
 * <p>Life cycle: {@link #connecting} → {@link #opened} or {@link #connectFailed} → {@link #closed}. Each step
 * happens at most once whatever order the library's callbacks arrive in (a CAS on {@link #state}), so an
 * instrumentation may report an end from several places (close callback, error callback, abort) safely.
 *
 * <p>Fragmented messages: each direction keeps the type and running size of the message in progress. Data
 * frames of different messages cannot interleave within a direction (RFC 6455 5.4), so while a fragmented
 * message is in progress only its own frames (and control frames, which never touch that state) pass; the
 * library serialises them, so these plain fields need no synchronisation. Single-frame messages, which may
 * be sent from several threads at once, bypass them.
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

    private static final String[] TYPE_NAMES = {"text", "binary", "ping", "pong"};
    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int ENDED = 2;

    private final String library;
    private final String serverAddress;
    private final long connectStartNanos;
    private final AtomicInteger state = new AtomicInteger(CONNECTING);
    private volatile long openNanos;
    private volatile GaugeDataPoint active;

    /** sent[type], received[type]: resolved on first use, then reused for every message. */
    private final DistributionDataPoint[] sent = new DistributionDataPoint[4];
    private final DistributionDataPoint[] received = new DistributionDataPoint[4];

    private int sendingType = TEXT;
    private long sendingBytes;
    private boolean sendingMessage;
    private int receivingType = TEXT;
    private long receivingBytes;
    private boolean receivingMessage;

    private WsConnection(String library, String serverAddress) {
        this.library = library;
        this.serverAddress = serverAddress == null ? "" : serverAddress;
        this.connectStartNanos = System.nanoTime();
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

    /** A handshake starts now. */
    public static WsConnection connecting(String library, String serverAddress) {
        return new WsConnection(library, serverAddress);
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
            WebSocketMetrics.CONNECTS.get(library, serverAddress, "").observe(seconds(now - connectStartNanos));
            GaugeDataPoint gauge = WebSocketMetrics.ACTIVE.get(library, serverAddress);
            active = gauge;
            gauge.inc();
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** The handshake failed with {@code errorType} (an exception class name or an HTTP status). */
    public void connectFailed(String errorType) {
        try {
            if (state.compareAndSet(CONNECTING, ENDED)) {
                WebSocketMetrics.CONNECTS.get(library, serverAddress, errorType)
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
            WebSocketMetrics.LIFETIMES.get(library, serverAddress, Integer.toString(closeCode))
                    .observe(seconds(System.nanoTime() - openNanos));
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** The library reported an error on this connection. Before the connection opened it is a connect failure. */
    public void error(String errorType) {
        try {
            if (state.get() == CONNECTING) {
                connectFailed(errorType);
            } else {
                WebSocketMetrics.ERROR_COUNTS.get(library, serverAddress, errorType).inc();
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** A whole message (or a control frame) was sent. */
    public void sent(int type, long bytes) {
        try {
            sentChild(type).observe(bytes);
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /**
     * A frame of a message was sent; a fragmented message is recorded once, with its whole size, at its last
     * frame. A message in one frame (the usual case) never touches the shared fragment state, so threads that
     * send whole messages concurrently on one connection (which several libraries allow) cannot mix up their
     * types or sizes.
     */
    public void sentPart(int type, long bytes, boolean last) {
        try {
            if (type == NOT_COUNTED) {
                return;
            }
            if (type != CONTINUATION) {
                if (last || type == PING || type == PONG) {
                    sentChild(type).observe(bytes);
                } else {
                    sendingType = type;
                    sendingBytes = bytes;
                }
                return;
            }
            long total = sendingBytes + bytes;
            if (last) {
                sendingBytes = 0;
                sentChild(sendingType).observe(total);
            } else {
                sendingBytes = total;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /**
     * A part of a message sent through an API that gives every part the message's type and a last flag
     * ({@code java.net.http}: {@code sendText(part, last)}): the first part after a last one starts a message.
     * Such APIs allow one outstanding send at a time.
     */
    public void sentTypedPart(int type, long bytes, boolean last) {
        if (type == PING || type == PONG) {
            sentPart(type, bytes, true);
            return;
        }
        sentPart(sendingMessage ? CONTINUATION : type, bytes, last);
        sendingMessage = !last;
    }

    /** As {@link #sentTypedPart}, received ({@code java.net.http}'s {@code onText(data, last)}). */
    public void receivedTypedPart(int type, long bytes, boolean last) {
        if (type == PING || type == PONG) {
            receivedPart(type, bytes, true);
            return;
        }
        receivedPart(receivingMessage ? CONTINUATION : type, bytes, last);
        receivingMessage = !last;
    }

    /** A whole message (or a control frame) was received. */
    public void received(int type, long bytes) {
        try {
            receivedChild(type).observe(bytes);
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    /** A frame of a received message; as {@link #sentPart}. */
    public void receivedPart(int type, long bytes, boolean last) {
        try {
            if (type == NOT_COUNTED) {
                return;
            }
            if (type != CONTINUATION) {
                if (last || type == PING || type == PONG) {
                    receivedChild(type).observe(bytes);
                } else {
                    receivingType = type;
                    receivingBytes = bytes;
                }
                return;
            }
            long total = receivingBytes + bytes;
            if (last) {
                receivingBytes = 0;
                receivedChild(receivingType).observe(total);
            } else {
                receivingBytes = total;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("websocket." + library, t);
        }
    }

    private DistributionDataPoint sentChild(int type) {
        DistributionDataPoint child = sent[type];
        if (child == null) {
            // a benign race: CappedSeries returns the same child to every thread
            child = WebSocketMetrics.MESSAGES.get(library, serverAddress, "sent", TYPE_NAMES[type]);
            sent[type] = child;
        }
        return child;
    }

    private DistributionDataPoint receivedChild(int type) {
        DistributionDataPoint child = received[type];
        if (child == null) {
            child = WebSocketMetrics.MESSAGES.get(library, serverAddress, "received", TYPE_NAMES[type]);
            received[type] = child;
        }
        return child;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
