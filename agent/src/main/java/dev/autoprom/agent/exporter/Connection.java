package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.Arrays;

/**
 * One client connection and where it is: reading a request head, waiting for a worker to build the response,
 * or writing it. Used only by the I/O thread. Each state has its deadline ({@link ExporterLimits}), checked by
 * {@link #expired}.
 */
final class Connection {

    enum State {
        READING,
        SERVING,
        WRITING,
        CLOSED
    }

    /** What the connection asks of the server. */
    interface Server {
        /** A complete request head, for a worker; the response comes back through {@link #respond}. */
        void dispatch(Connection connection, RequestHead head);

        /** A response was written out in full. */
        void responded(Connection connection);

        /** The connection is closed; forget it. */
        void closed(Connection connection);
    }

    private static final Response TOO_LARGE =
            Response.refusal(431, "request head larger than " + ExporterLimits.MAX_HEAD_BYTES + " bytes");

    private final SelectionKey key;
    private final Transport transport;
    private final Server server;
    private State state = State.READING;
    private byte[] head;
    private int headLength;
    private int scannedTo;
    private boolean served;
    /** When the connection last became idle (accepted, or its last response written). */
    private long idleSince;
    /** When the current request's first byte arrived; 0 while none has. */
    private long requestStartedAt;

    private long lastWriteProgress;
    private ByteBuffer out;
    private boolean closeAfterWrite;
    /** Whether this connection counts against the server's pending requests. */
    boolean holdsSlot;

    Connection(SelectionKey key, Transport transport, Server server, long now) {
        this.key = key;
        this.transport = transport;
        this.server = server;
        this.idleSince = now;
    }

    State state() {
        return state;
    }

    /** The time eviction compares: a connection that has done nothing for longer goes first. */
    long lastActivity() {
        return requestStartedAt != 0 ? requestStartedAt : idleSince;
    }

    /** Reacts to the socket being readable or writable. */
    void onReady(ByteBuffer readBuffer, long now) throws IOException {
        if (state == State.READING) {
            if (key.isWritable() && transport.hasPendingOutput()) {
                transport.flush();
            }
            readHead(readBuffer, now);
        } else if (state == State.WRITING) {
            writeOut(now);
        }
    }

    private void readHead(ByteBuffer readBuffer, long now) throws IOException {
        while (state == State.READING) {
            readBuffer.clear();
            int n = transport.read(readBuffer);
            if (n < 0) {
                close();
                return;
            }
            if (requestStartedAt == 0 && (n > 0 || (!served && transport.receivedAnything()))) {
                requestStartedAt = now;
            }
            if (n == 0) {
                break;
            }
            append(readBuffer);
            if (!parseIfComplete(now)) {
                return;
            }
        }
        if (state == State.READING) {
            key.interestOps(SelectionKey.OP_READ | (transport.hasPendingOutput() ? SelectionKey.OP_WRITE : 0));
        }
    }

    /** Hands a complete head on; false when the connection left the reading state. */
    private boolean parseIfComplete(long now) throws IOException {
        int length = RequestHead.headLength(head, scannedTo - 3, headLength);
        if (length < 0) {
            scannedTo = headLength;
        }
        if ((length < 0 ? headLength : length) > ExporterLimits.MAX_HEAD_BYTES) {
            respond(TOO_LARGE, false, true, now);
            return false;
        }
        if (length < 0) {
            return true; // the rest of the head is still to come
        }
        RequestHead request;
        try {
            request = RequestHead.parse(head, length);
        } catch (RequestHead.Rejected e) {
            respond(Response.refusal(e.status, e.getMessage()), false, true, now);
            return false;
        }
        // bytes after the head are the next (pipelined) request: keep them for after this response
        System.arraycopy(head, length, head, 0, headLength - length);
        headLength -= length;
        scannedTo = 0;
        state = State.SERVING;
        key.interestOps(0);
        server.dispatch(this, request);
        return false;
    }

    private void append(ByteBuffer readBuffer) {
        readBuffer.flip();
        int n = readBuffer.remaining();
        if (head == null) {
            head = new byte[Math.max(1024, n)];
        } else if (headLength + n > head.length) {
            // grows up to one read past the limit, which is then refused: never more than that
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + n));
        }
        readBuffer.get(head, headLength, n);
        headLength += n;
    }

    /**
     * Starts writing a response: {@code headOnly} for HEAD requests, {@code close} when the client asked for it
     * (HTTP/1.0, {@code Connection: close}) or the response is a refusal.
     */
    void respond(Response response, boolean headOnly, boolean close, long now) throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        out = response.encode(headOnly);
        closeAfterWrite = close || response.closesConnection();
        state = State.WRITING;
        lastWriteProgress = now;
        writeOut(now);
    }

    private void writeOut(long now) throws IOException {
        int before = out.remaining();
        boolean done = transport.write(out);
        if (out.remaining() < before) {
            lastWriteProgress = now;
        }
        if (!done) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        server.responded(this);
        if (closeAfterWrite) {
            close();
            return;
        }
        out = null;
        served = true;
        state = State.READING;
        idleSince = now;
        requestStartedAt = headLength > 0 ? now : 0;
        key.interestOps(SelectionKey.OP_READ);
        if (headLength > 0) {
            parseIfComplete(now);
        }
    }

    /** Whether a deadline has passed: a head not finished in time, an idle connection, a stalled write. */
    boolean expired(long now) {
        switch (state) {
            case READING:
                return requestStartedAt != 0
                        ? now - requestStartedAt > ExporterLimits.HEAD_TIMEOUT_MILLIS
                        : now - idleSince > ExporterLimits.IDLE_TIMEOUT_MILLIS;
            case WRITING:
                return now - lastWriteProgress > ExporterLimits.WRITE_STALL_MILLIS;
            default:
                return false; // a worker is building the response; scrapes end by themselves
        }
    }

    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        key.cancel();
        transport.close();
        head = null;
        out = null;
        server.closed(this);
    }
}
