package dev.autoprom.agent.exporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** HTTP over the socket as it is. */
final class PlainTransport extends Transport {

    PlainTransport(SocketChannel channel) {
        super(channel);
    }

    @Override
    int read(ByteBuffer dst) throws IOException {
        return readSocket(dst);
    }

    @Override
    boolean write(ByteBuffer src) throws IOException {
        channel.write(src);
        return !src.hasRemaining();
    }

    @Override
    boolean hasPendingOutput() {
        return false;
    }

    @Override
    boolean flush() {
        return true;
    }

    @Override
    void close() {
        closeSocket();
    }
}
