package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.JdkServerApp;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdkHttpServerIT {

    private ChildJvm app;
    private HttpFamily http;

    @BeforeAll
    void start() {
        app = ChildJvm.main(JdkServerApp.class).args("https").start();
        http = new HttpFamily(app);
    }

    @AfterAll
    void stop() {
        try {
            http.assertNoAgentErrors();
        } finally {
            app.close();
        }
    }

    @Test
    void countsEachRequestOnItsContextPath() {
        for (int i = 0; i < 25; i++) {
            assertThat(http.get("/hello").body()).isEqualTo("hello");
        }
        http.get("/gone", 2, 503);
        http.awaitCount(25, series("GET", 200, "/hello", ""));
        http.awaitCount(2, series("GET", 503, "/gone", "503"));
        http.hooks().assertAllHooksMatched("jdk-httpserver", "JDK");
    }

    @Test
    void handlerExceptionIs500WithItsClassAsErrorType() {
        for (int i = 0; i < 3; i++) {
            // POST: the JDK client would retry a GET on the dropped connection
            assertThat(http.send("POST", "/fail"))
                    .as("the server drops the connection, as without the agent")
                    .isNull();
        }
        http.awaitCount(3, series("POST", 500, "/fail", "java.lang.IllegalStateException"));
    }

    @Test
    void httpsServerIsSchemeHttps() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(http.httpsGet("/secure")).isEqualTo("secure");
        }
        String[] https = {
            "http_request_method",
            "GET",
            "http_response_status_code",
            "200",
            "http_route",
            "/secure",
            "url_scheme",
            "https",
            "error_type",
            ""
        };
        http.awaitCount(4, https);
    }

    @Test
    void unknownMethodIsOther() {
        assertThat(http.send("BREW", "/hello").statusCode()).isEqualTo(200);
        http.awaitCount(1, series("_OTHER", 200, "/hello", ""));
    }

    @Test
    void seriesPastTheCardinalityLimitGoToTheOverflowSeries() {
        try (ChildJvm capped = ChildJvm.main(JdkServerApp.class)
                .property("autoprom.cardinality.limit", "10")
                .start()) {
            HttpFamily cappedHttp = new HttpFamily(capped);
            for (int i = 0; i < 30; i++) {
                cappedHttp.get("/c" + i, 2, 200);
            }
            String[] overflow = {"http_route", "_overflow", "http_request_method", "_overflow"};
            Scrape scrape = cappedHttp.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count") >= 60);
            assertThat(scrape.sum(HttpFamily.DURATION + "_count")).isEqualTo(60);
            assertThat(scrape.find(HttpFamily.DURATION + "_count")).hasSize(11);
            assertThat(scrape.value(HttpFamily.DURATION + "_count", overflow)).isEqualTo(40);
            assertThat(scrape.value("autoprom_series_overflow_total", "metric", HttpFamily.DURATION))
                    .isEqualTo(40);
        }
    }

    @Test
    void rawPathsNeverBecomeLabels() throws Exception {
        HttpFamily.concurrently(
                4,
                50,
                () -> http.get("/raw-" + Thread.currentThread().getId() + "-" + System.nanoTime())
                                .statusCode()
                        == 404);
        Scrape scrape = http.awaitCount(200, series("GET", 404, "/", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("raw"));
        http.awaitNoActive();
    }
}
