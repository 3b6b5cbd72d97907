package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.core.ExporterUnderTest.Mode;
import dev.autoprom.it.core.HostileClients.Attack;
import dev.autoprom.it.core.HostileClients.Reply;
import dev.autoprom.it.core.HostileClients.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 13, item 2 (DESIGN.md, "Never break the host", item 6): hostile clients against the exporter port of the
 * real agent jar, one child JVM per mode (plain, basic auth, TLS). The steps run in order against the same
 * exporter and the hostile clients pile up: 100 partial requests, 500 idle connections on top, a 1 MiB header,
 * 50 concurrent scrapes; then all of them close and the child's threads and sockets must come back. After each
 * step, {@code /metrics} and {@code /-/healthy} (and in auth mode {@code /metrics} without credentials: 401) must
 * answer within 2 s, through a kept-alive connection and a new one. A step that fails leaves its clients held and
 * the next steps still run, so each reports on its own.
 */
class HostileClientsIT {

    @Nested
    class Plain extends Scenario {
        Plain() {
            super(Mode.PLAIN);
        }
    }

    @Nested
    class BasicAuth extends Scenario {
        BasicAuth() {
            super(Mode.AUTH);
        }
    }

    @Nested
    class Tls extends Scenario {
        Tls() {
            super(Mode.TLS);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    abstract static class Scenario {

        private static final int THREAD_SLACK = 5;
        /**
         * The most threads the child may add while the attack is on: a fixed pool passes, a thread per stuck
         * connection (100 partial requests) does not.
         */
        private static final int THREADS_UNDER_ATTACK = 50;

        private static final int SOCKET_SLACK = 2;
        private static final Duration RECOVERY = Duration.ofSeconds(15);

        private final Mode mode;
        private ExporterUnderTest exporter;
        private HostileClients hostile;
        private int baselineThreads;
        private int baselineSockets;
        private int peakThreads;
        /** What the hostile clients held so far, for the messages. */
        private final List<String> attack = new ArrayList<>();

        Scenario(Mode mode) {
            this.mode = mode;
        }

        @BeforeAll
        void start() throws Exception {
            exporter = ExporterUnderTest.start(mode);
            hostile = new HostileClients(exporter);
            // a few more scrapes, so that the baseline is an exporter that has served and is idle
            for (int i = 0; i < 3; i++) {
                for (ExporterUnderTest.Probe probe : exporter.probes()) {
                    exporter.get(probe, false);
                    exporter.get(probe, true);
                }
            }
            baselineThreads = exporter.threads();
            baselineSockets = exporter.sockets();
            peakThreads = baselineThreads;
        }

        @AfterAll
        void stop() {
            if (hostile != null) {
                hostile.close();
            }
            if (exporter != null) {
                exporter.close();
            }
        }

        @Test
        @Order(1)
        void hundredPartialRequestsDoNotDelayScrapes() {
            Optional<String> stopped = hostile.hold(100, i -> Attack.partialRequest(mode, i));
            attack.add("100 partial requests"
                    + (mode == Mode.TLS ? " (TLS ClientHello, plain text, after a handshake)" : ""));
            assertProbesAnswerInTime(stopped);
        }

        @Test
        @Order(2)
        void fiveHundredIdleConnectionsOnTopDoNotDelayScrapes() {
            Optional<String> stopped = hostile.hold(500, i -> Attack.IDLE);
            attack.add("500 idle connections");
            assertProbesAnswerInTime(stopped);
        }

        @Test
        @Order(3)
        void oneMebibyteHeaderIsRefusedWithin5sAndTheNextScrapeIsFine() {
            Duration limit = Duration.ofSeconds(5);
            Reply reply;
            try {
                reply = HostileClients.oneMebibyteHeader(exporter, limit);
            } catch (IOException e) {
                throw new AssertionError(
                        situation() + ": no connection for the 1 MiB header within " + HostileClients.CONNECT.toMillis()
                                + " ms: " + e,
                        e);
            }
            System.out.println(situation() + ": 1 MiB header " + reply);
            assertThat(reply.refused())
                    .as(
                            "%s: a request with a 1 MiB header must get a 4xx or a close within" + " %d s, but it %s",
                            situation(), limit.toSeconds(), reply)
                    .isTrue();
            assertThat(reply.elapsed())
                    .as("%s: time to refuse the 1 MiB header", situation())
                    .isLessThan(limit);
            attack.add("a 1 MiB header");
            assertProbesAnswerInTime(Optional.empty());
        }

        @Test
        @Order(4)
        void fiftyConcurrentScrapesAllSucceed() throws InterruptedException {
            int scrapes = 50;
            Duration limit = Duration.ofSeconds(10);
            ExecutorService pool = Executors.newFixedThreadPool(scrapes);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> futures = new ArrayList<>();
                for (int i = 0; i < scrapes; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return HostileClients.get(exporter, "/metrics", true, limit);
                    }));
                }
                go.countDown();
                long deadline = System.nanoTime() + limit.toNanos();
                Map<String, Integer> outcomes = new TreeMap<>();
                for (Future<Response> future : futures) {
                    String outcome;
                    try {
                        Response response = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        outcome = response.status()
                                + (response.body().contains(ExporterUnderTest.METRICS_TEXT)
                                        ? " with metrics"
                                        : " without metrics");
                    } catch (TimeoutException e) {
                        outcome = "no answer within " + limit.toSeconds() + " s";
                    } catch (ExecutionException e) {
                        outcome = "failed: " + e.getCause();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }
                peakThreads = Math.max(peakThreads, exporter.threads());
                assertThat(outcomes)
                        .as("%s: outcomes of %d concurrent scrapes", situation(), scrapes)
                        .isEqualTo(Map.of("200 with metrics", scrapes));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @Order(5)
        void threadsStayBoundedAndComeBackWithTheSocketsOnceTheClientsClose() throws InterruptedException {
            int held = hostile.held();
            int threadsUnderAttack = exporter.threads();
            int socketsUnderAttack = exporter.sockets();
            peakThreads = Math.max(peakThreads, threadsUnderAttack);
            hostile.close();
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            int threads;
            int sockets;
            do {
                Thread.sleep(250);
                threads = exporter.threads();
                sockets = exporter.sockets();
            } while ((threads > baselineThreads + THREAD_SLACK || sockets > baselineSockets + SOCKET_SLACK)
                    && System.nanoTime() < deadline);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(peakThreads)
                    .as(
                            "most child JVM threads seen while the hostile clients were held (before"
                                    + " the attack: %d)",
                            baselineThreads)
                    .isLessThanOrEqualTo(baselineThreads + THREADS_UNDER_ATTACK);
            soft.assertThat(threads)
                    .as(
                            "child JVM threads %d s after %d hostile clients closed (before the attack:"
                                    + " %d, under it: %d)",
                            RECOVERY.toSeconds(), held, baselineThreads, threadsUnderAttack)
                    .isLessThanOrEqualTo(baselineThreads + THREAD_SLACK);
            soft.assertThat(sockets)
                    .as(
                            "child JVM sockets %d s after %d hostile clients closed (before the attack:"
                                    + " %d, under it: %d)",
                            RECOVERY.toSeconds(), held, baselineSockets, socketsUnderAttack)
                    .isLessThanOrEqualTo(baselineSockets + SOCKET_SLACK);
            System.out.printf(
                    "%s: threads %d before, %d at most under attack, %d at its end, %d after; sockets %d"
                            + " before, %d at the end of the attack, %d after%n",
                    situation(),
                    baselineThreads,
                    peakThreads,
                    threadsUnderAttack,
                    threads,
                    baselineSockets,
                    socketsUnderAttack,
                    sockets);
            attack.clear();
            attack.add("after the hostile clients closed");
            soft.check(() -> assertProbesAnswerInTime(Optional.empty()));
            soft.assertAll();
        }

        private String situation() {
            return mode + " exporter" + (attack.isEmpty() ? "" : ", " + String.join(" + ", attack));
        }

        private void assertProbesAnswerInTime(Optional<String> attackStopped) {
            peakThreads = Math.max(peakThreads, exporter.threads());
            exporter.assertProbesAnswerInTime(
                    situation() + attackStopped.map(s -> " [" + s + "]").orElse(""));
        }
    }
}
