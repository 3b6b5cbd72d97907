package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** HTTP over the socket as it is. */
final class PlainTransport implements Transport {

    private final SocketChannel channel;
    private boolean received;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = channel.read(dst);
        if (n > 0) {
            received = true;
        }
        return n;
    }

    @Override
    public boolean write(ByteBuffer src) throws IOException {
        channel.write(src);
        return !src.hasRemaining();
    }

    @Override
    public boolean hasPendingOutput() {
        return false;
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public boolean receivedAnything() {
        return received;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is gone either way
        }
    }
}
