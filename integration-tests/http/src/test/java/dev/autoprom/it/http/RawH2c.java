package dev.autoprom.it.http;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of an HTTP/2 client, by prior knowledge on a plain socket, to drop a connection in the middle of a
 * response: no library client lets a test cut the TCP connection at a chosen frame. It sends the preface, an empty
 * SETTINGS frame and one GET on stream 1 (HPACK: indexed {@code :method}/{@code :scheme}, literal {@code :path} and
 * {@code :authority}, no Huffman), reads frames until the response's HEADERS frame on stream 1, and closes the
 * socket.
 */
final class RawH2c {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;

    private RawH2c() {}

    /** GET {@code path}; returns once the response's headers arrived and the connection is closed. */
    static void getThenDropAfterHeaders(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(PREFACE);
            frame(out, SETTINGS, 0, 0, new byte[0]);
            byte[] block = headerBlock(path, "127.0.0.1:" + port);
            frame(out, HEADERS, 0x1 | 0x4, 1, block); // END_STREAM | END_HEADERS
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                in.readUnsignedByte(); // flags
                int stream = in.readInt() & 0x7fffffff;
                in.readFully(new byte[length]);
                if (type == SETTINGS && stream == 0 && length > 0) {
                    frame(out, SETTINGS, 0x1, 0, new byte[0]); // ACK the server's settings
                    out.flush();
                }
                if (type == HEADERS && stream == 1) {
                    return; // the response has started: hang up (try-with-resources closes the socket)
                }
            }
        }
    }

    private static byte[] headerBlock(String path, String authority) {
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
        block.write(0x82); // :method GET (static table 2)
        block.write(0x86); // :scheme http (static table 6)
        literal(block, 4, path); // :path
        literal(block, 1, authority); // :authority
        return block.toByteArray();
    }

    /** A literal header field without indexing, its name from the static table, its value plain (under 127 bytes). */
    private static void literal(java.io.ByteArrayOutputStream block, int nameIndex, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        block.write(nameIndex); // 0000 + 4-bit index
        block.write(bytes.length);
        block.write(bytes, 0, bytes.length);
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        int length = payload.length;
        out.write(new byte[] {
            (byte) (length >>> 16),
            (byte) (length >>> 8),
            (byte) length,
            (byte) type,
            (byte) flags,
            (byte) (stream >>> 24),
            (byte) (stream >>> 16),
            (byte) (stream >>> 8),
            (byte) stream
        });
        out.write(payload);
    }
}
