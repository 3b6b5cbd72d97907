package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * HTTPS with a non-blocking {@link SSLEngine}: the handshake advances only as the peer's bytes arrive, so a
 * client that stops half-way through its ClientHello holds no thread, only this connection's buffers (about
 * 50 KiB) until the head deadline closes it.
 *
 * <p>Buffers: {@code netIn} is kept in write mode (filled from the socket), {@code netOut} and {@code appIn} in
 * read mode (drained to the socket and to the caller).
 */
final class TlsTransport extends Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Handshake steps per call; far more than any handshake needs, so a confused engine cannot spin. */
    private static final int MAX_STEPS = 64;

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;

    TlsTransport(SocketChannel channel, SSLContext context) {
        super(channel);
        this.engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = (ByteBuffer) ByteBuffer.allocate(packet).flip();
        this.appIn = (ByteBuffer) ByteBuffer.allocate(engine.getSession().getApplicationBufferSize())
                .flip();
    }

    @Override
    int read(ByteBuffer dst) throws IOException {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (appIn.hasRemaining()) {
                return transfer(appIn, dst);
            }
            if (netOut.hasRemaining() && !flush()) {
                return 0; // the handshake waits for the socket to take our last message
            }
            SSLEngineResult.HandshakeStatus handshake = engine.getHandshakeStatus();
            if (handshake == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (handshake == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY);
                continue;
            }
            int n = readSocket(netIn);
            if (n < 0) {
                return -1;
            }
            SSLEngineResult result = unwrap();
            switch (result.getStatus()) {
                case CLOSED:
                    return -1;
                case BUFFER_UNDERFLOW:
                    if (!netIn.hasRemaining()) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize(), false);
                    } else if (n == 0) {
                        return 0; // a partial record: wait for the rest
                    }
                    break;
                case BUFFER_OVERFLOW:
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                    break;
                default:
                    if (n == 0
                            && result.bytesConsumed() == 0
                            && result.bytesProduced() == 0
                            && engine.getHandshakeStatus() == handshake) {
                        return 0;
                    }
                    break;
            }
        }
        return 0;
    }

    @Override
    boolean write(ByteBuffer src) throws IOException {
        for (int step = 0; step < MAX_STEPS; step++) {
            if (netOut.hasRemaining() && !flush()) {
                return false;
            }
            if (!src.hasRemaining()) {
                return true;
            }
            wrap(src);
        }
        return false;
    }

    @Override
    boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    @Override
    boolean flush() throws IOException {
        channel.write(netOut);
        return !netOut.hasRemaining();
    }

    @Override
    void close() {
        try {
            engine.closeOutbound();
            wrap(EMPTY); // close_notify, best effort: the socket closes right after
            channel.write(netOut);
        } catch (IOException | RuntimeException ignored) {
            // the peer may be gone already
        }
        closeSocket();
    }

    private SSLEngineResult unwrap() throws SSLException {
        netIn.flip();
        appIn.compact();
        try {
            return engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
            appIn.flip();
        }
    }

    private void wrap(ByteBuffer src) throws SSLException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            netOut = grow(netOut, engine.getSession().getPacketBufferSize(), true);
        } else if (result.getStatus() == SSLEngineResult.Status.CLOSED && src.hasRemaining()) {
            throw new SSLException("TLS session closed");
        }
        if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
        }
    }

    /** Certificate and key-exchange work: milliseconds, on the I/O thread, which is the exporter's own. */
    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        ByteBuffer slice = from.duplicate();
        slice.limit(slice.position() + n);
        to.put(slice);
        from.position(from.position() + n);
        return n;
    }

    /**
     * A larger copy keeping the content; {@code readMode} says whether the buffer holds data between position
     * and limit (read mode) or between 0 and position (write mode).
     */
    private static ByteBuffer grow(ByteBuffer buffer, int atLeast, boolean readMode) throws SSLException {
        int size = Math.max(atLeast, buffer.capacity() * 2);
        if (size > 4 * 1024 * 1024) {
            throw new SSLException("TLS record larger than any engine produces");
        }
        ByteBuffer bigger = ByteBuffer.allocate(size);
        if (readMode) {
            bigger.put(buffer).flip();
        } else {
            buffer.flip();
            bigger.put(buffer);
        }
        return bigger;
    }
}
