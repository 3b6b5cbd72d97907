package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentStatus;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every HTTP server outside the servlet API (Reactor Netty under WebFlux, Vert.x, Quarkus, Micronaut,
 * Helidon, Undertow core, plain Netty) must show with the agent: the same metrics, labels and exact counts as
 * {@link ServletContainerContract}. A server's test names its app's main class and the route templates as that
 * framework writes them; the app runs in a child JVM, prints {@code ready port=N} and serves:
 *
 * <ul>
 *   <li>{@code GET /hello} → 200 {@code hello}
 *   <li>{@code GET /items/{id}} → 200 {@code item <id>} (a path variable: the route label is the template)
 *   <li>{@code GET /fail} → the handler throws {@code IllegalStateException}; the framework answers 500
 *   <li>{@code GET /stream} → 200, 5 chunks of {@code chunk\n} 100 ms apart, written without blocking
 *   <li>{@code DELETE /hold} → answers only after a {@code GET /release} (200 {@code released} to both)
 *   <li>{@code GET /load} → 200 {@code ok}
 *   <li>any other path → 404 from the framework
 * </ul>
 *
 * A server without route templates (plain Netty, Undertow core handlers) returns null from the route methods:
 * its series carry an empty {@code http_route}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NonServletServerContract {

    private ChildJvm app;
    protected HttpFamily http;

    /** The app's main class (in this module's test sources). */
    protected abstract Class<?> appMain();

    /** Arguments for the app's main. */
    protected String[] appArgs() {
        return new String[0];
    }

    /** JVM options for the app (a framework's own system properties). */
    protected String[] jvmOptions() {
        return new String[0];
    }

    /** The route label of {@code /items/{id}} as this framework writes templates, or null without templates. */
    protected abstract String itemsRoute();

    /** The route label of an exact path ({@code /hello} and the like), or null without templates. */
    protected String exact(String path) {
        return itemsRoute() == null ? "" : path;
    }

    /** The instrumentation ({@code /autoprom} name) whose hooks must have matched this server's classes. */
    protected abstract String instrumentation();

    /** Threads × requests per thread of the concurrency test. */
    protected int[] load() {
        return new int[] {8, 250};
    }

    /** The child JVM to start: {@link #appMain()} on this module's class path; an app packaged otherwise overrides. */
    protected ChildJvm.Builder launch() {
        return ChildJvm.main(appMain()).args(appArgs());
    }

    /** The running app (for a subclass's own assertions). */
    protected final ChildJvm childJvm() {
        return app;
    }

    @BeforeAll
    void start() {
        ChildJvm.Builder builder = launch();
        for (String option : jvmOptions()) {
            builder.jvmArg(option);
        }
        app = builder.start();
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

    private String route(String route) {
        return route == null ? "" : route;
    }

    @Test
    void exactAndTemplatedRoutesAreTheRoute() {
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/hello").body()).isEqualTo("hello");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/items/" + (1000 + i)).body()).isEqualTo("item " + (1000 + i));
        }
        http.awaitCount(20, series("GET", 200, exact("/hello"), ""));
        Scrape scrape = http.awaitCount(10, series("GET", 200, route(itemsRoute()), ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("100"));
        assertThat(AgentStatus.port(app.metricsPort()).applied(instrumentation()))
                .as("%s applied", instrumentation())
                .isTrue();
    }

    @Test
    void exceptionIs500WithItsClass() {
        http.get("/fail", 3, 500);
        http.awaitCount(3, series("GET", 500, exact("/fail"), "java.lang.IllegalStateException"));
    }

    @Test
    void streamingResponseIsRecordedWhenItCompletes() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/stream").body()).isEqualTo("chunk\n".repeat(5));
        }
        Scrape scrape = http.awaitCount(3, series("GET", 200, exact("/stream"), ""));
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", series("GET", 200, exact("/stream"), "")))
                .as("three responses of 5 chunks 100 ms apart")
                .isGreaterThanOrEqualTo(3 * 0.4);
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
        http.awaitCount(1, series("DELETE", 200, exact("/hold"), ""));
        http.awaitNoActive();
    }

    @Test
    void unknownPathsAre404WithNoRouteAndNeverALabel() throws Exception {
        AtomicInteger next = new AtomicInteger();
        HttpFamily.concurrently(4, 100, () -> {
            HttpResponse<String> response = http.get("/raw-" + next.incrementAndGet());
            return response != null && response.statusCode() == 404;
        });
        Scrape scrape = http.awaitCount(400, series("GET", 404, "", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("raw-"));
    }

    @Test
    void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream()
                    .write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().read(); // the response has started; hang up before its last chunk
        }
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", "http_route", exact("/stream"))
                        - s.sum(HttpFamily.DURATION + "_count", series("GET", 200, exact("/stream"), ""))
                >= 1);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_route", exact("/stream"))
                        - scrape.sum(HttpFamily.DURATION + "_count", series("GET", 200, exact("/stream"), "")))
                .as("the aborted exchange: one record, with an error_type")
                .isEqualTo(1);
        http.awaitNoActive();
    }

    @Test
    void malformedRequestRejectedByTheServerIsNotARequest() throws Exception {
        http.get("/load", 1, 200);
        Scrape first = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", "http_route", exact("/load")) >= 1);
        double before = first.sum(HttpFamily.DURATION + "_count");
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            try {
                socket.getInputStream().readAllBytes();
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // a server that keeps the connection open or resets it: both are its own rejection
            }
        }
        http.get("/load", 1, 200);
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count") >= before + 1);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count"))
                .as("only the second /load was added (a 400 the server itself answered is no request)")
                .isEqualTo(before + 1);
    }

    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        int[] load = load();
        long before = (long) http.scrape().sum(HttpFamily.DURATION + "_count", series("GET", 200, exact("/load"), ""));
        HttpFamily.concurrently(load[0], load[1], () -> {
            HttpResponse<String> response = http.get("/load");
            return response != null && response.statusCode() == 200;
        });
        http.awaitCount(before + (long) load[0] * load[1], series("GET", 200, exact("/load"), ""));
        http.awaitNoActive();
    }
}
