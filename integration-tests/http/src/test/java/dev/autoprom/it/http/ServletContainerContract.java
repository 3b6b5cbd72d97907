package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every jakarta servlet container must show with the agent, driven against {@code testapp.TestServlets}
 * in a child JVM. A container's test only names its app's main class and its load size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletContainerContract {

    private ChildJvm app;
    HttpFamily http;

    abstract Class<?> appMain();

    /** Arguments for the app's main. */
    String[] appArgs() {
        return new String[0];
    }

    /** Threads × requests per thread of the concurrency test. */
    abstract int[] load();

    @BeforeAll
    void start() {
        app = ChildJvm.main(appMain()).args(appArgs()).start();
        http = new HttpFamily(app);
    }

    @AfterAll
    void stop() {
        try {
            http.awaitNoActive(); // every path taken by the tests above ended its active request
            http.assertNoAgentErrors();
        } finally {
            app.close();
        }
    }

    @Test
    void exactAndPathMappingsAreTheRoute() {
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/hello").body()).isEqualTo("hello");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/orders/" + i).body()).isEqualTo("order /" + i);
        }
        http.awaitCount(20, series("GET", 200, "/hello", ""));
        http.awaitCount(10, series("GET", 200, "/orders/*", ""));
        // the hook that recorded them matched the container's servlets and filters
        http.hooks().assertHooksMatchedClasses("servlet", "JakartaServletAdvice");
    }

    @Test
    void threeFiltersAroundAServletCountOnce() {
        String body = null;
        for (int i = 0; i < 7; i++) {
            body = http.get("/chained").body();
        }
        assertThat(body).as("every filter ran for every request").isEqualTo("7,7,7");
        http.awaitCount(7, series("GET", 200, "/chained", ""));
    }

    @Test
    void forwardAndIncludeAreOneRequestOnTheOriginalRoute() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/forward").body()).isEqualTo("target");
            assertThat(http.get("/include").body()).isEqualTo("included:target");
        }
        http.awaitCount(3, series("GET", 200, "/forward", ""));
        Scrape scrape = http.awaitCount(3, series("GET", 200, "/include", ""));
        assertThat(scrape.find(HttpFamily.DURATION + "_count", "http_route", "/target"))
                .isEmpty();
    }

    @Test
    void exceptionIs500WithItsClassAndSendErrorKeepsItsStatus() {
        http.get("/fail", 3, 500);
        http.get("/unavailable", 2, 503);
        http.awaitCount(3, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
        http.awaitCount(2, series("GET", 503, "/unavailable", "503"));
    }

    @Test
    void unknownMethodIsOther() {
        assertThat(http.send("BREW", "/hello").statusCode()).isEqualTo(501);
        http.awaitCount(1, series("_OTHER", 501, "/hello", "501"));
    }

    @Test
    void asyncIsRecordedWhenTheResponseCompletes() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/async").body()).isEqualTo("async");
        }
        Scrape scrape = http.awaitCount(3, series("GET", 200, "/async", ""));
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", series("GET", 200, "/async", "")))
                .isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void activeRequestsGoUpWhileInFlightAndBackDown() throws Exception {
        // DELETE: no other test uses it, so the gauge's series is this request's alone
        Thread holder = new Thread(() -> http.send("DELETE", "/hold"));
        holder.start();
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.ACTIVE, "http_request_method", "DELETE") == 1);
        assertThat(scrape.value(HttpFamily.ACTIVE, "http_request_method", "DELETE", "url_scheme", "http"))
                .isEqualTo(1);
        http.get("/release", 1, 200);
        holder.join(30_000);
        http.awaitCount(1, series("DELETE", 200, "/hold", ""));
        http.awaitNoActive();
    }

    @Test
    void asyncTimeoutIsRecordedAndLeavesNoActiveRequest() {
        assertThat(http.get("/async-timeout").statusCode()).isEqualTo(500);
        http.awaitCount(1, series("GET", 500, "/async-timeout", "500"));
        http.awaitNoActive();
    }

    @Test
    void rawPathsOnTheDefaultServletNeverBecomeLabels() throws Exception {
        AtomicInteger next = new AtomicInteger();
        HttpFamily.concurrently(
                8, 625, () -> http.get("/raw-" + next.incrementAndGet()).statusCode() == 404);
        long served = Long.parseLong(http.get("/fallback-hits").body());
        assertThat(served).as("requests the default servlet served").isGreaterThanOrEqualTo(5000);
        Scrape scrape = http.awaitCount(served, series("GET", 404, "", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("raw-"));
    }

    @Test
    void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream()
                    .write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readNBytes(4096);
        }
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", "http_route", "/stream") >= 1);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_route", "/stream"))
                .isEqualTo(1);
        http.awaitNoActive();
    }

    @Test
    void malformedRequestRejectedByTheServerIsNotARequest() throws Exception {
        http.get("/after", 1, 200);
        double before = http.awaitCount(1, series("GET", 200, "/after", "")).sum(HttpFamily.DURATION + "_count");
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer)
                    .as("the server's own rejection")
                    .satisfiesAnyOf(
                            a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
        }
        http.get("/after", 1, 200);
        Scrape scrape = http.awaitCount(2, series("GET", 200, "/after", ""));
        assertThat(scrape.sum(HttpFamily.DURATION + "_count"))
                .as("only the second /after was added")
                .isEqualTo(before + 1);
        http.awaitNoActive();
    }

    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        int[] load = load();
        HttpFamily.concurrently(load[0], load[1], () -> http.get("/load").statusCode() == 200);
        http.awaitCount((long) load[0] * load[1], series("GET", 200, "/load", ""));
        http.awaitNoActive();
    }
}
