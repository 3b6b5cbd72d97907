package dev.autoprom.agent.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's bounds, in process and with raw sockets: what a slow, idle, half-sent, non-reading or numerous
 * client does to the next request. The same against the real agent jar: {@code HostileClientsIT}.
 */
@Timeout(60)
class ExporterServerTest {

    private final List<Socket> sockets = new ArrayList<>();
    private ExporterServer server;

    @AfterEach
    void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(Function<RequestHead, Response> endpoints) throws IOException {
        server = ExporterServer.start(new InetSocketAddress("127.0.0.1", 0), null, endpoints);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5000);
        sockets.add(socket);
        return socket;
    }

    /** One request on a new connection: the status line, or the exception that ended it. */
    private String get(String path) throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return statusLine(socket.getInputStream());
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }

    private static Response ok(RequestHead head) {
        return Response.text(200, "ok " + head.path + "\n");
    }

    @Test
    void halfSentAndIdleConnectionsDoNotDelayTheNextRequest() throws Exception {
        start(ExporterServerTest::ok);
        for (int i = 0; i < 100; i++) {
            send(connect(), "GET /metrics HTTP/1.1\r\nHost: x\r\n");
        }
        for (int i = 0; i < 500; i++) {
            connect();
        }
        long started = System.nanoTime();
        assertThat(get("/metrics")).isEqualTo("HTTP/1.1 200 OK");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
        assertThat(server.openConnections()).isLessThanOrEqualTo(ExporterLimits.MAX_CONNECTIONS);
    }

    @Test
    void aHalfSentHeadAndAStalledReaderAreClosedAtTheirDeadlines() throws Exception {
        byte[] big = new byte[32 * 1024 * 1024];
        start(head -> head.path.equals("/big") ? new Response(200).body(big) : ok(head));
        Socket halfSent = connect();
        send(halfSent, "GET /metrics HTTP/1.1\r\nHost: x\r\n");
        Socket stalled = connect();
        send(stalled, "GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
        long started = System.nanoTime();
        // neither holds anything another client needs
        assertThat(get("/metrics")).isEqualTo("HTTP/1.1 200 OK");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);

        halfSent.setSoTimeout(15_000);
        assertThat(halfSent.getInputStream().read())
                .as("closed without an answer")
                .isEqualTo(-1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isBetween(ExporterLimits.HEAD_TIMEOUT_MILLIS - 500, ExporterLimits.HEAD_TIMEOUT_MILLIS + 3000);
        // the stalled reader's response is dropped with its connection: reading it now ends early
        stalled.setSoTimeout(15_000);
        long read = 0;
        try {
            InputStream in = stalled.getInputStream();
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                read += n;
            }
        } catch (IOException reset) {
            // a reset is a close too
        }
        assertThat(read).isLessThan(big.length);
        assertThat(server.openConnections()).isZero();
    }

    @Test
    void aHugeHeadIsRefusedAndTheServerGoesOn() throws Exception {
        start(ExporterServerTest::ok);
        Socket socket = connect();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                send(socket, "GET /metrics HTTP/1.1\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n");
                return null;
            });
            String status;
            try {
                status = statusLine(socket.getInputStream());
            } catch (IOException reset) {
                status = "closed";
            }
            assertThat(status).isIn("HTTP/1.1 431 Request Header Fields Too Large", "closed", "");
            writing.cancel(true);
        } finally {
            writer.shutdownNow();
        }
        assertThat(get("/-/healthy")).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void pastThePendingLimitARequestIsAnswered503AtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(head -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok(head);
        });
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < ExporterLimits.MAX_PENDING_REQUESTS; i++) {
            Socket socket = connect();
            send(socket, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
            waiting.add(socket);
        }
        Thread.sleep(200);
        assertThat(get("/metrics")).isEqualTo("HTTP/1.1 503 Service Unavailable");
        release.countDown();
        for (Socket socket : waiting) {
            assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
        }
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("autoprom-exporter-worker-"))
                .count();
        assertThat(workers).isLessThanOrEqualTo(ExporterLimits.WORKER_THREADS);
    }

    @Test
    void keepAliveAndPipelinedRequestsAreAnsweredInOrder() throws Exception {
        start(ExporterServerTest::ok);
        Socket socket = connect();
        send(socket, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        String both = readAtLeast(socket.getInputStream(), "ok /b\n");
        assertThat(both).contains("ok /a\n").contains("ok /b\n");
        assertThat(both.indexOf("ok /a")).isLessThan(both.indexOf("ok /b"));
        send(socket, "HEAD /c HTTP/1.1\r\nHost: x\r\n\r\n");
        String head = readAtLeast(socket.getInputStream(), "\r\n\r\n");
        assertThat(head)
                .startsWith("HTTP/1.1 200 OK")
                .contains("Content-Length: 6")
                .doesNotContain("ok /c");
    }

    private static String readAtLeast(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (text.indexOf(end) < 0) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + end + " within the timeout; got " + text, e);
            }
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }
}
