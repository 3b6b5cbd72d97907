package dev.autoprom.it.genai;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * A fake Gemini Live API endpoint: a TLS WebSocket server (the SDK always speaks {@code wss}) answering the
 * BidiGenerateContent protocol in its JSON messages, sent as binary frames as Gemini does: {@code setupComplete}
 * for the {@code setup} message, and for each {@code clientContent} a turn of {@code serverContent.modelTurn}
 * parts, {@code generationComplete}, then {@code turnComplete} with the turn's {@code usageMetadata}. A session
 * whose model ends in "-drop" gets one part of its first turn and then its connection is cut, no close frame.
 *
 * <p>The WebSocket protocol (RFC 6455) is written here, as the event-stream framing is for Bedrock: the opening
 * handshake ({@code Sec-WebSocket-Accept}), masked client frames in, unmasked frames out, the close handshake
 * (the client's close frame answered with the same code), pings. One blocking thread per connection.
 */
final class FakeLiveServer implements AutoCloseable {

    static final String[] PIECES = {"LIVE-", "SECRET-", "ANSWER"};
    /** Usage per turn: turn 1, turn 2, ... */
    static final long[] TURN_IN = {14, 23};

    static final long[] TURN_OUT = {6, 9};

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int BINARY = 2;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;

    private final ServerSocket server;

    FakeLiveServer(SSLContext tls) throws IOException {
        server = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "fake-live-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "fake-live-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            handshake(in, out);
            Session session = new Session(socket, out);
            while (true) {
                int[] opcode = new int[1];
                byte[] payload = readMessage(in, opcode, out);
                if (opcode[0] == CLOSE) {
                    // answer the close handshake with the client's code, then end the connection
                    frame(out, CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    System.out.println("fake Live server: closed by the client");
                    return;
                }
                if (!session.onMessage(new String(payload, StandardCharsets.UTF_8))) {
                    return;
                }
            }
        } catch (IOException e) {
            System.out.println("fake Live server: connection ended: " + e);
        }
    }

    /** Reads the HTTP Upgrade request and answers 101 with the key's accept value. */
    private static void handshake(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("handshake");
            }
            head.write(b);
        }
        String key = null;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        String accept;
        try {
            accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One whole message (continuation frames joined; pings answered on the way); its opcode in opcode[0]. */
    private static byte[] readMessage(InputStream in, int[] opcode, OutputStream out) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = readByte(in);
            int b1 = readByte(in);
            boolean fin = (b0 & 0x80) != 0;
            int op = b0 & 0x0f;
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (readByte(in) << 8) | readByte(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte(in);
                }
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                readFully(in, mask);
            }
            byte[] payload = new byte[(int) length];
            readFully(in, payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            if (op == PING) {
                frame(out, PONG, payload);
                continue;
            }
            if (op == PONG) {
                continue;
            }
            if (op != 0) {
                opcode[0] = op;
            }
            message.write(payload);
            if (fin || op == CLOSE) {
                return message.toByteArray();
            }
        }
    }

    /** A server frame: FIN, the opcode, no mask, the length in 7, 16 or 64 bits. */
    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xff));
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] bytes) throws IOException {
        int read = 0;
        while (read < bytes.length) {
            int n = in.read(bytes, read, bytes.length - read);
            if (n < 0) {
                throw new EOFException();
            }
            read += n;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The Live protocol of one connection. */
    private static final class Session {
        private final Socket socket;
        private final OutputStream out;
        private String model = "";
        private int turn;

        Session(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = out;
        }

        /** Answers one client message; false when the connection was cut. */
        boolean onMessage(String message) throws IOException {
            String compact = message.replace(" ", "");
            if (compact.contains("\"setup\":")) {
                int at = compact.indexOf("\"model\":\"") + 9;
                model = compact.substring(at, compact.indexOf('"', at));
                send("{\"setupComplete\":{}}");
                return true;
            }
            if (!compact.contains("\"clientContent\":")) {
                return true;
            }
            int n = turn++;
            for (String piece : PIECES) {
                pause();
                send("{\"serverContent\":{\"modelTurn\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + piece
                        + "\"}]}}}");
                if (model.endsWith("-drop")) {
                    // long enough for the SDK to hand the part to the application before the cut: the SDK may
                    // deliver messages on another thread than the one that sees the socket fail, and a part it
                    // delivers after the failure belongs to no turn any more (see the genai README)
                    sleep(250);
                    System.out.println("fake Live server: cutting the connection of " + model);
                    socket.close();
                    return false;
                }
            }
            pause();
            send("{\"serverContent\":{\"generationComplete\":true}}");
            send("{\"serverContent\":{\"turnComplete\":true},\"usageMetadata\":{\"promptTokenCount\":" + TURN_IN[n]
                    + ",\"responseTokenCount\":" + TURN_OUT[n] + ",\"totalTokenCount\":" + (TURN_IN[n] + TURN_OUT[n])
                    + ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":" + TURN_IN[n] + "}]}}");
            return true;
        }

        private void send(String json) throws IOException {
            frame(out, BINARY, json.getBytes(StandardCharsets.UTF_8));
        }

        private static void pause() {
            sleep(15);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
