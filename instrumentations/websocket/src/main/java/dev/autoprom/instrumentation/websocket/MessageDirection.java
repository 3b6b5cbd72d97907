package dev.autoprom.instrumentation.websocket;

import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * One direction (sent or received) of one connection: the message-size children of its four message types,
 * resolved on first use, and the message in progress when a library reports fragments.
 *
 * <p>Data frames of different messages cannot interleave within a direction (RFC 6455 5.4), so while a
 * fragmented message is in progress only its own frames (and control frames, which never touch that state)
 * pass; the library serialises them, so these plain fields need no synchronisation. Single-frame messages,
 * which may be sent from several threads at once, bypass them.
 */
public final class MessageDirection {

    private static final String[] TYPE_NAMES = {"text", "binary", "ping", "pong"};

    private final String library;
    private final String serverAddress;
    /** For {@code autoprom_agent_errors_total}: built once, not on a failure path that may repeat. */
    private final String component;

    private final String direction;
    private final DistributionDataPoint[] sizes = new DistributionDataPoint[4];
    /** The fragmented message in progress: its type and the bytes of its frames so far. */
    private int fragmentType = WsConnection.TEXT;

    private long fragmentBytes;
    /** For APIs that give every part its message's type: whether the last part seen was not the last. */
    private boolean inTypedMessage;
    /** See {@link #lastMessageType()}. */
    private int lastType = WsConnection.TEXT;

    private final WsSeries series;

    MessageDirection(WsSeries series, String library, String serverAddress, String direction) {
        this.series = series;
        this.library = library;
        this.serverAddress = serverAddress;
        this.component = "websocket." + library;
        this.direction = direction;
    }

    /** A whole message, or a control frame. */
    public void whole(int type, long bytes) {
        try {
            size(type).observe(bytes);
        } catch (Throwable t) {
            SelfMetrics.recordError(component, t);
        }
    }

    /**
     * A frame: a message in one frame (the usual case) is recorded at once and never touches the fragment
     * state, so threads that send whole messages concurrently on one connection cannot mix up their types or
     * sizes; a fragmented message is recorded once, with its whole size, at its last frame.
     */
    public void part(int type, long bytes, boolean last) {
        try {
            recordPart(type, bytes, last);
        } catch (Throwable t) {
            SelfMetrics.recordError(component, t);
        }
    }

    /**
     * The type of the last data message recorded whole or completed (for the handling time of a library that
     * reports the frame that ended it, which may be a continuation). Read by the thread that recorded it.
     */
    public int lastMessageType() {
        return lastType;
    }

    private void recordPart(int type, long bytes, boolean last) {
        if (type == WsConnection.NOT_COUNTED) {
            return;
        }
        if (type == WsConnection.TEXT || type == WsConnection.BINARY) {
            lastType = type;
        } else if (type == WsConnection.CONTINUATION) {
            lastType = fragmentType;
        }
        if (type != WsConnection.CONTINUATION) {
            if (last || type == WsConnection.PING || type == WsConnection.PONG) {
                size(type).observe(bytes);
            } else {
                fragmentType = type;
                fragmentBytes = bytes;
            }
            return;
        }
        long total = fragmentBytes + bytes;
        if (last) {
            fragmentBytes = 0;
            size(fragmentType).observe(total);
        } else {
            fragmentBytes = total;
        }
    }

    /**
     * A part from an API that gives every part the message's type and a last flag ({@code java.net.http}'s
     * {@code sendText(part, last)}, {@code onText(data, last)}): the first part after a last one starts a message.
     * Such APIs allow one outstanding part at a time.
     */
    public void typedPart(int type, long bytes, boolean last) {
        try {
            if (type == WsConnection.PING || type == WsConnection.PONG) {
                recordPart(type, bytes, true);
                return;
            }
            recordPart(inTypedMessage ? WsConnection.CONTINUATION : type, bytes, last);
            inTypedMessage = !last;
        } catch (Throwable t) {
            SelfMetrics.recordError(component, t);
        }
    }

    private DistributionDataPoint size(int type) {
        DistributionDataPoint child = sizes[type];
        if (child == null) {
            // a benign race: CappedSeries returns the same child to every thread
            child = series.messages.get(library, serverAddress, direction, TYPE_NAMES[type]);
            sizes[type] = child;
        }
        return child;
    }
}
