package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.Scrape;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import testapp.webflux.WebFluxApp;

/**
 * The same WebFlux application on Tomcat ({@code web-application-type=reactive}): recorded once, by the servlet
 * path, which takes WebFlux's route and exception from the exchange WebFlux lent it.
 */
class WebFluxOnTomcatIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return WebFluxApp.class;
    }

    @Override
    protected String[] appArgs() {
        return new String[] {"tomcat"};
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "webflux";
    }

    /**
     * Overridden: Tomcat does not tell a non-blocking writer that the client went away (the writes into the broken
     * connection do not fail; WebFlux logs "Completed 200 OK"), so nothing in the process knows the exchange was
     * aborted. It is recorded once, as the 200 it completed with, and leaves no request active.
     */
    @Override
    @Test
    void clientHangingUpMidResponseIsRecordedOnce() throws Exception {
        String[] ok = series("GET", 200, "/stream", "");
        long before = (long) http.scrape().sum(HttpFamily.DURATION + "_count", "http_route", "/stream");
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.getOutputStream()
                    .write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().read(); // the response has started; hang up before its last chunk
        }
        Scrape scrape =
                http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", "http_route", "/stream") >= before + 1);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_route", "/stream"))
                .isEqualTo(before + 1);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", ok)).isGreaterThanOrEqualTo(1);
        http.awaitNoActive();
    }

    @Test
    void functionalRouteIsItsPattern() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/fn/t-" + i).body()).isEqualTo("fn t-" + i);
        }
        http.awaitCount(5, series("GET", 200, "/fn/{name}", ""));
        http.hooks().assertHooksMatchedClasses("servlet", "JakartaServletAdvice");
    }

    @Test
    void streamFailingAfterItsResponseStartedIsRecordedOnceWithTheException() {
        for (int i = 0; i < 2; i++) {
            http.get("/stream-fail"); // the server cuts the response: the client may see an error or a short body
        }
        // the status is whatever had been sent: 200 once the headers went out, 500 where the server still
        // held them back (Tomcat buffers the first chunks)
        String[] failed = {"http_route", "/stream-fail", "error_type", "java.lang.IllegalStateException"};
        Scrape scrape = http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", failed) >= 2);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", failed)).isEqualTo(2);
        assertThat(scrape.sum(HttpFamily.DURATION + "_count", "http_route", "/stream-fail"))
                .isEqualTo(2);
        http.awaitNoActive();
    }
}
