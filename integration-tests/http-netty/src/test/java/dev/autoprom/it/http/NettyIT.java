package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.Scrape;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import testapp.netty.NettyApp;

/**
 * Plain Netty 4.1 ({@code HttpServerCodec}, no framework): no route templates, so every series has an empty
 * {@code http_route}. The contract's tests that count one route's series assume each path has a series of its own;
 * here all 200s share one, so those tests are overridden to count what each adds (still exact). A handler's
 * exception never reaches the pipeline before it (Netty hands it to the handler's own {@code exceptionCaught}, which
 * answers 500), so {@code error_type} is the status, as for any 5xx without an escaped exception.
 */
class NettyIT extends NonServletServerContract {

    private static final String[] OK = series("GET", 200, "", "");

    @Override
    protected Class<?> appMain() {
        return NettyApp.class;
    }

    @Override
    protected String itemsRoute() {
        return null;
    }

    @Override
    protected String instrumentation() {
        return "netty";
    }

    /** The Netty the app runs on, as {@code /autoprom} names the hooked library. */
    protected String nettyVersion() {
        return "Netty/Transport 4.1.126.Final";
    }

    private long count(String... series) {
        return (long) http.scrape().sum(HttpFamily.DURATION + "_count", series);
    }

    @Override
    @Test
    void exactAndTemplatedRoutesAreTheRoute() {
        long before = count(OK);
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/hello").body()).isEqualTo("hello");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(http.get("/items/" + (1000 + i)).body()).isEqualTo("item " + (1000 + i));
        }
        Scrape scrape = http.awaitCount(before + 30, OK);
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("100") || v.contains("items"));
        http.hooks().assertAllHooksMatched("netty", nettyVersion());
    }

    @Override
    @Test
    void exceptionIs500WithItsClass() {
        http.get("/fail", 3, 500);
        http.awaitCount(3, series("GET", 500, "", "500"));
    }

    @Override
    @Test
    void streamingResponseIsRecordedWhenItCompletes() {
        Scrape first = http.scrape();
        long before = (long) first.sum(HttpFamily.DURATION + "_count", OK);
        double sumBefore = first.value(HttpFamily.DURATION + "_sum", OK);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/stream").body()).isEqualTo("chunk\n".repeat(5));
        }
        Scrape scrape = http.awaitCount(before + 3, OK);
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", OK) - sumBefore)
                .as("three responses of 5 chunks 100 ms apart")
                .isGreaterThanOrEqualTo(3 * 0.4);
    }

    @Override
    @Test
    void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
        String[] aborted = series("GET", 200, "", "java.nio.channels.ClosedChannelException");
        long before = count(aborted);
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream()
                    .write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().read(); // the response has started; hang up before its last chunk
        }
        http.awaitCount(before + 1, aborted);
        http.awaitNoActive();
    }
}
