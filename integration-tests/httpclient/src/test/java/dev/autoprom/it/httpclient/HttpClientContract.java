package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every HTTP client library must record, with exact values, against a real server: each library's IT
 * extends this with its {@link ClientDriver} and the exception classes it fails with. Each test starts its own
 * server, so its {@code server_port} series are its own.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
abstract class HttpClientContract {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    TestServer server;
    ClientDriver.Client client;

    abstract ClientDriver driver();

    /** error_type of a request to a port nothing listens on. */
    String refusedError() {
        return "ConnectException";
    }

    /** error_type of a request to a host that does not resolve. */
    String unknownHostError() {
        return "UnknownHostException";
    }

    /** error_type when the server does not answer within the read (response) timeout. */
    String readTimeoutError() {
        return "SocketTimeoutException";
    }

    /** error_type when the connection is not established within the connect timeout. */
    String connectTimeoutError() {
        return "SocketTimeoutException";
    }

    /** error_type of an asynchronous request the application cancelled while it waited for the response. */
    String cancelledError() {
        return "CancellationException";
    }

    /** Records of one {@code /redirect}: status → count (clients that follow redirects make two requests). */
    Map<String, Integer> redirectRecords() {
        return Map.of("302", 1, "200", 1);
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        client = driver().client(CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            server.close();
        }
        ClientMetrics.assertNoAgentErrors();
    }

    @Test
    void everyRequestIsOneRecordWithMethodStatusAndServer() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(client.send("GET", server.url("/status/200"))).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(client.send("POST", server.url("/status/201"))).isEqualTo(201);
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 13);
        assertThat(metrics.count("GET", "200", "")).as(metrics.lines()).isEqualTo(10);
        assertThat(metrics.count("POST", "201", "")).isEqualTo(3);
        assertThat(server.served()).as("requests the server saw").isEqualTo(13);
        assertThat(metrics.durationSeries())
                .as("every series carries the design's labels, exactly")
                .extracting(Sample::labels)
                .allSatisfy(labels -> assertThat(labels.keySet())
                        .containsExactly(
                                "error_type",
                                "http_request_method",
                                "http_response_status_code",
                                "server_address",
                                "server_port",
                                "url_scheme",
                                "url_template"));
        assertThat(metrics.scrape.sum(ClientMetrics.DURATION + "_sum", "server_port", String.valueOf(server.port())))
                .as("durations")
                .isGreaterThan(0)
                .isLessThan(30);
    }

    @Test
    void httpsIsSchemeHttpsOnItsPort() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client.send("GET", server.tlsUrl("/status/200"))).isEqualTo(200);
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.tlsPort(), 3);
        assertThat(metrics.countOf("127.0.0.1", "https", "GET", "200", "", ""))
                .as(metrics.lines())
                .isEqualTo(3);
    }

    @Test
    void notFoundIsAStatusAndServerErrorsAreErrors() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(client.send("GET", server.url("/status/404"))).isEqualTo(404);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(client.send("GET", server.url("/status/500"))).isEqualTo(500);
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 5);
        assertThat(metrics.count("GET", "404", "")).as(metrics.lines()).isEqualTo(3);
        assertThat(metrics.count("GET", "500", "500")).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsOneErroredRecord() throws Exception {
        int port = Blackhole.closedPort();
        assertThatThrownBy(() -> client.send("GET", "http://127.0.0.1:" + port + "/x"))
                .isNotNull();
        ClientMetrics metrics = ClientMetrics.awaitTotal(port, 1);
        assertThat(metrics.count("GET", "", refusedError())).as(metrics.lines()).isEqualTo(1);
    }

    @Test
    void anUnknownHostIsOneErroredRecordUnderTheHostAsWritten() throws Exception {
        int port = Blackhole.closedPort(); // only to make the series this test's own
        assertThatThrownBy(() -> client.send("GET", "http://no-such-host.invalid:" + port + "/x"))
                .isNotNull();
        ClientMetrics metrics = ClientMetrics.awaitTotal(port, 1);
        assertThat(metrics.countOf("no-such-host.invalid", "GET", "", "", unknownHostError()))
                .as(metrics.lines())
                .isEqualTo(1);
    }

    @Test
    void aReadTimeoutIsOneErroredRecord() throws Exception {
        try (ClientDriver.Client impatient = driver().client(CONNECT_TIMEOUT, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> impatient.send("GET", server.url("/hold"))).isNotNull();
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 1);
        assertThat(metrics.count("GET", "", readTimeoutError()))
                .as(metrics.lines())
                .isEqualTo(1);
    }

    @Test
    void aConnectTimeoutIsOneErroredRecord() throws Exception {
        try (Blackhole blackhole = new Blackhole();
                ClientDriver.Client impatient = driver().client(Duration.ofMillis(300), READ_TIMEOUT)) {
            assertThatThrownBy(() -> impatient.send("GET", "http://127.0.0.1:" + blackhole.port() + "/x"))
                    .isNotNull();
            ClientMetrics metrics = ClientMetrics.awaitTotal(blackhole.port(), 1);
            assertThat(metrics.count("GET", "", connectTimeoutError()))
                    .as(metrics.lines())
                    .isEqualTo(1);
        }
    }

    @Test
    void aCancelledAsynchronousRequestIsOneErroredRecordAndOneCallback() throws Exception {
        AtomicInteger callbacks = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        ClientDriver.Call call = client.sendAsync("GET", server.url("/hold"), (status, thrown) -> {
            callbacks.incrementAndGet();
            failure.set(thrown);
            called.countDown();
        });
        Assumptions.assumeTrue(call != null, "the library has no asynchronous API");
        server.awaitHolding(1);
        long cancelled = System.nanoTime();
        call.cancel();
        assertThat(called.await(5, TimeUnit.SECONDS))
                .as("the application's callback ran")
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled))
                .as("callback delay")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(failure.get())
                .as("the application heard of the cancellation")
                .isNotNull();
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 1);
        assertThat(metrics.count("GET", "", cancelledError()))
                .as(metrics.lines())
                .isEqualTo(1);
        server.release();
        ClientMetrics.sleep(300);
        assertThat(callbacks.get()).as("callbacks").isEqualTo(1);
    }

    @Test
    void anAsynchronousRequestIsRecordedOnce() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            ClientDriver.Call call = client.sendAsync("GET", server.url("/status/200"), (status, thrown) -> {
                synchronized (statuses) {
                    statuses.add(status);
                }
                done.countDown();
            });
            Assumptions.assumeTrue(call != null, "the library has no asynchronous API");
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200);
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 5);
        assertThat(metrics.count("GET", "200", "")).isEqualTo(5);
    }

    @Test
    void activeRequestsGoUpWhileInFlightAndBackToZero() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> held = background.submit(() -> client.send("DELETE", server.url("/hold")));
            server.awaitHolding(1);
            ClientMetrics during = ClientMetrics.await(server.port(), m -> m.active("DELETE") == 1);
            assertThat(during.total())
                    .as("nothing recorded before the response")
                    .isEqualTo(0);
            server.release();
            assertThat(held.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            ClientMetrics after = ClientMetrics.awaitTotal(server.port(), 1);
            assertThat(after.active("DELETE")).isEqualTo(0);
            assertThat(after.count("DELETE", "200", "")).isEqualTo(1);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void redirectsAreSeparateRequests() throws Exception {
        client.send("GET", server.url("/redirect"));
        int expected =
                redirectRecords().values().stream().mapToInt(Integer::intValue).sum();
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), expected);
        redirectRecords()
                .forEach((status, count) -> assertThat(metrics.count("GET", status, ""))
                        .as(status + "\n" + metrics.lines())
                        .isEqualTo((double) count));
    }

    @Test
    void noPathQueryOrUserInfoReachesAnyLabel() throws Exception {
        String secretUrl = "http://alice:s3cr3t-pw@127.0.0.1:" + server.port()
                + "/private-segment/id-9f3a7?token=tok-7c1e5&user=bob-8d2#frag-4b6";
        try {
            client.send("GET", secretUrl);
        } catch (Exception refused) {
            // a library may refuse user info in the URL; then it must not show up either
        }
        client.send("GET", server.url("/private-segment/id-9f3a7?token=tok-7c1e5"));
        ClientMetrics metrics = ClientMetrics.await(server.port(), m -> m.total() >= 1 && m.activeTotal() == 0);
        String scrape = metrics.scrape.text();
        for (String secret :
                List.of("alice", "s3cr3t-pw", "private-segment", "id-9f3a7", "tok-7c1e5", "bob-8d2", "frag-4b6")) {
            assertThat(scrape).as("the whole scrape").doesNotContain(secret);
        }
        assertThat(metrics.count("GET", "200", "")).as(metrics.lines()).isBetween(1.0, 2.0);
    }

    @Test
    void sixteenThreadsTimesOneHundredRequestsAreCountedExactly() throws Exception {
        int threads = 16;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (client.send("GET", server.url("/status/200")) == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(ok).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), threads * perThread);
        assertThat(metrics.count("GET", "200", "")).isEqualTo(threads * perThread);
    }
}
