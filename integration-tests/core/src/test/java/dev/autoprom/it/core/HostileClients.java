package dev.autoprom.it.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Raw-socket clients that misbehave against the exporter port, held open until {@link #close()}, and the raw
 * exchanges the tests judge. Every blocking step has a timeout (connect, TLS handshake, read), so that a wedged
 * exporter fails a test instead of hanging it.
 */
final class HostileClients implements AutoCloseable {

    /** How long a client may take to connect (and, in TLS mode where it needs one, to complete a handshake). */
    static final Duration CONNECT = Duration.ofSeconds(2);

    /** A request whose headers never end: the final empty line is never sent. */
    static final byte[] PARTIAL_REQUEST = ascii("GET /metrics HTTP/1.1\r\nHost: x\r\n");

    /**
     * The first 16 bytes of a TLS ClientHello: a handshake record header announcing 512 bytes, the handshake
     * header announcing 508, the client version and the start of the random; the rest never comes.
     */
    static final byte[] PARTIAL_CLIENT_HELLO = {
        0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a
    };

    /** One way to connect and then stall. */
    enum Attack {
        IDLE("an idle connection (nothing sent)") {
            @Override
            Socket open(ExporterUnderTest exporter) throws IOException {
                return exporter.tcp(CONNECT);
            }
        },
        PARTIAL_REQUEST("a partial HTTP request") {
            @Override
            Socket open(ExporterUnderTest exporter) throws IOException {
                return send(exporter.tcp(CONNECT), HostileClients.PARTIAL_REQUEST);
            }
        },
        PARTIAL_CLIENT_HELLO("a partial TLS ClientHello") {
            @Override
            Socket open(ExporterUnderTest exporter) throws IOException {
                return send(exporter.tcp(CONNECT), HostileClients.PARTIAL_CLIENT_HELLO);
            }
        },
        TLS_THEN_PARTIAL_REQUEST("a completed TLS handshake, then a partial HTTP request") {
            @Override
            Socket open(ExporterUnderTest exporter) throws IOException {
                return send(exporter.connect(CONNECT), HostileClients.PARTIAL_REQUEST);
            }
        };

        private final String description;

        Attack(String description) {
            this.description = description;
        }

        abstract Socket open(ExporterUnderTest exporter) throws IOException;

        /**
         * The {@code i}-th client of a batch of partial requests: plain partial HTTP, or on a TLS port a mix of
         * a partial ClientHello, plain-text HTTP (no TLS at all) and a partial request after a real handshake.
         */
        static Attack partialRequest(ExporterUnderTest.Mode mode, int i) {
            if (mode != ExporterUnderTest.Mode.TLS) {
                return PARTIAL_REQUEST;
            }
            return List.of(PARTIAL_CLIENT_HELLO, PARTIAL_REQUEST, TLS_THEN_PARTIAL_REQUEST)
                    .get(i % 3);
        }

        private static Socket send(Socket socket, byte[] bytes) throws IOException {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final ExporterUnderTest exporter;
    private final List<Socket> held = new ArrayList<>();

    HostileClients(ExporterUnderTest exporter) {
        this.exporter = exporter;
    }

    /**
     * Opens {@code count} more hostile clients and holds them. Stops at the first that cannot connect (or shake
     * hands) within {@link #CONNECT} and says which one; a test reports that next to the scrape it judges.
     */
    Optional<String> hold(int count, IntFunction<Attack> attacks) {
        for (int i = 0; i < count; i++) {
            Attack attack = attacks.apply(i);
            try {
                held.add(attack.open(exporter));
            } catch (IOException e) {
                return Optional.of("hostile client " + (i + 1) + " of " + count + " (" + attack
                        + ") got no connection within " + CONNECT.toMillis() + " ms: " + e);
            }
        }
        return Optional.empty();
    }

    int held() {
        return held.size();
    }

    @Override
    public void close() {
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone already
            }
        }
        held.clear();
    }

    // ---------------------------------------------------------------------------------------------------------
    // raw exchanges

    /** What a raw request got back. */
    record Reply(Kind kind, String text, Duration elapsed) {
        enum Kind {
            /** Bytes came back (an HTTP status line, one hopes). */
            ANSWERED,
            /** The server closed or reset the connection without answering. */
            CLOSED,
            /** Nothing within the read timeout: the server hangs on this request. */
            NO_ANSWER
        }

        /** The status code of the first status line; -1 if there is none. */
        int status() {
            String[] first = text.split("\r?\n", 2)[0].split(" ");
            if (first.length >= 2 && first[0].startsWith("HTTP/") && first[1].matches("\\d{3}")) {
                return Integer.parseInt(first[1]);
            }
            return -1;
        }

        /** A 4xx status line, or a close: how the exporter may refuse a request. */
        boolean refused() {
            return kind == Kind.CLOSED || (kind == Kind.ANSWERED && status() >= 400 && status() < 500);
        }

        @Override
        public String toString() {
            switch (kind) {
                case CLOSED:
                    return "closed after " + elapsed.toMillis() + " ms";
                case NO_ANSWER:
                    return "no answer within " + elapsed.toMillis() + " ms";
                default:
                    return "answered after " + elapsed.toMillis() + " ms: "
                            + text.substring(0, Math.min(text.length(), 300)).replace("\r\n", "\\r\\n ");
            }
        }
    }

    /**
     * Writes a request and reads what comes back: the first bytes within {@code firstByte}, then everything until
     * the server closes or stays quiet for one second (capped at 4 MiB). A write the server cuts short counts as
     * a close.
     */
    static Reply exchange(Socket socket, byte[] request, Duration firstByte) {
        long start = System.nanoTime();
        try {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            return new Reply(Reply.Kind.CLOSED, e.toString(), since(start));
        }
        return read(socket, firstByte, start);
    }

    /** Reads an answer as {@link #exchange} does, for a request being written elsewhere. */
    static Reply read(Socket socket, Duration firstByte, long startNanos) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        Duration answeredAfter;
        try {
            socket.setSoTimeout((int) firstByte.toMillis());
            InputStream in = socket.getInputStream();
            int n = in.read(buffer);
            answeredAfter = since(startNanos);
            if (n < 0) {
                return new Reply(Reply.Kind.CLOSED, "EOF", answeredAfter);
            }
            got.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            return new Reply(Reply.Kind.NO_ANSWER, "", since(startNanos));
        } catch (IOException e) {
            return new Reply(Reply.Kind.CLOSED, e.toString(), since(startNanos));
        }
        try {
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            int n;
            while (got.size() < 4 << 20 && (n = in.read(buffer)) >= 0) {
                got.write(buffer, 0, n);
            }
        } catch (IOException quietClosedOrReset) {
            // the answer is complete as far as this client will ever know
        }
        return new Reply(Reply.Kind.ANSWERED, got.toString(StandardCharsets.ISO_8859_1), answeredAfter);
    }

    /**
     * One request with a 1 MiB header (credentials included in AUTH mode, so that only the size can be refused),
     * written by its own thread, since the server may refuse before it has all been written; the answer is read
     * within {@code limit}.
     */
    static Reply oneMebibyteHeader(ExporterUnderTest exporter, Duration limit) throws IOException {
        byte[] value = new byte[1 << 20];
        Arrays.fill(value, (byte) 'a');
        byte[] head = ascii("GET /metrics HTTP/1.1\r\nHost: x\r\n" + exporter.authorizationLine() + "X-Huge: ");
        try (Socket socket = exporter.connect(CONNECT)) {
            long start = System.nanoTime();
            Thread writer = new Thread(
                    () -> {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write(head);
                            for (int i = 0; i < value.length; i += 64 << 10) {
                                out.write(value, i, 64 << 10);
                            }
                            out.write(ascii("\r\n\r\n"));
                            out.flush();
                        } catch (IOException refusedMidway) {
                            // the server closed while we wrote: an acceptable refusal, judged by the reader
                        }
                    },
                    "one-mebibyte-header-writer");
            writer.setDaemon(true);
            writer.start();
            Reply reply = read(socket, limit, start);
            socket.close(); // unblocks the writer if the server neither read nor closed
            return reply;
        }
    }

    /**
     * A client that asks for {@code /metrics} {@code requests} times on one connection (pipelined, with
     * credentials in AUTH mode) and never reads a byte; its receive buffer is 1 KiB, so the server's writes to it
     * back up at once. The requests are written by a daemon thread, since the server may stop reading them. Close
     * the socket to end it.
     */
    static Socket slowReader(ExporterUnderTest exporter, int requests) throws IOException {
        Socket socket = exporter.secure(exporter.tcp(CONNECT, 1024), CONNECT);
        byte[] request = ascii("GET /metrics HTTP/1.1\r\nHost: x\r\n" + exporter.authorizationLine() + "\r\n");
        Thread writer = new Thread(
                () -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        for (int i = 0; i < requests; i++) {
                            out.write(request);
                        }
                        out.flush();
                    } catch (IOException closed) {
                        // the server or the test closed the connection
                    }
                },
                "slow-reader-writer");
        writer.setDaemon(true);
        writer.start();
        return socket;
    }

    /** A complete response to a raw {@code Connection: close} GET. */
    record Response(int status, String body) {}

    /**
     * A GET on a new connection, with {@code Connection: close} (credentials in AUTH mode if asked for); chunked or
     * sized bodies are decoded. Each connect, handshake and read is bounded by {@code timeout}.
     */
    static Response get(ExporterUnderTest exporter, String path, boolean credentials, Duration timeout)
            throws IOException {
        try (Socket socket = exporter.connect(timeout)) {
            socket.getOutputStream()
                    .write(ascii("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + (credentials ? exporter.authorizationLine() : "") + "Connection: close\r\n\r\n"));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not a status line: " + statusLine);
            }
            long length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(
                            lower.substring("content-length:".length()).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (length >= 0) {
                body.write(in.readNBytes((int) length));
            } else {
                body.write(in.readAllBytes());
            }
            return new Response(Integer.parseInt(parts[1]), body.toString(StandardCharsets.UTF_8));
        }
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-response after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
