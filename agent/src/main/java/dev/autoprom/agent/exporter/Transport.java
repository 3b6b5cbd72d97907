package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The byte stream of one connection, plain or TLS, used only from the I/O thread and never blocking. */
interface Transport {

    /** Reads what has arrived into {@code dst}: the count, 0 when nothing is there yet, -1 at end of stream. */
    int read(ByteBuffer dst) throws IOException;

    /** Writes what the socket takes now; true once {@code src} and anything buffered below it are sent. */
    boolean write(ByteBuffer src) throws IOException;

    /** Bytes the transport produced itself (a TLS handshake message) still waiting for the socket. */
    boolean hasPendingOutput();

    /** Sends pending output; true when none is left. */
    boolean flush() throws IOException;

    /** Whether the peer has sent any byte at all (a request or a handshake has started). */
    boolean receivedAnything();

    /** Closes the socket; never throws. */
    void close();
}
