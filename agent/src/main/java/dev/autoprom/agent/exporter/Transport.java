package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The byte stream of one connection, plain or TLS, used only from the I/O thread and never blocking. Holds the
 * socket and what both kinds do with it the same way: note that the peer sent something, close it quietly.
 */
abstract class Transport {

    final SocketChannel channel;
    private boolean received;

    Transport(SocketChannel channel) {
        this.channel = channel;
    }

    /** Reads what has arrived into {@code dst}: the count, 0 when nothing is there yet, -1 at end of stream. */
    abstract int read(ByteBuffer dst) throws IOException;

    /** Writes what the socket takes now; true once {@code src} and anything buffered below it are sent. */
    abstract boolean write(ByteBuffer src) throws IOException;

    /** Bytes the transport produced itself (a TLS handshake message) still waiting for the socket. */
    abstract boolean hasPendingOutput();

    /** Sends pending output; true when none is left. */
    abstract boolean flush() throws IOException;

    /** Closes the socket; never throws. */
    abstract void close();

    /** Whether the peer has sent any byte at all (a request or a handshake has started). */
    final boolean receivedAnything() {
        return received;
    }

    /** Reads the socket's bytes into {@code dst} as {@link SocketChannel#read} does, noting any that arrived. */
    final int readSocket(ByteBuffer dst) throws IOException {
        int n = channel.read(dst);
        if (n > 0) {
            received = true;
        }
        return n;
    }

    final void closeSocket() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is gone either way
        }
    }
}
