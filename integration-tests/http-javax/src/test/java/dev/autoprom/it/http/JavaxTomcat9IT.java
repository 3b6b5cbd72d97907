package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.javax.Tomcat9App;

/** The javax.servlet namespace, on Tomcat 9. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaxTomcat9IT {

    private ChildJvm app;
    private HttpFamily http;

    @BeforeAll
    void start() {
        app = ChildJvm.main(Tomcat9App.class).start();
        http = new HttpFamily(app);
    }

    @AfterAll
    void stop() {
        try {
            http.awaitNoActive();
            http.assertNoAgentErrors();
        } finally {
            app.close();
        }
    }

    @Test
    void threeFiltersAroundAServletCountOnce() {
        String body = null;
        for (int i = 0; i < 12; i++) {
            body = http.get("/hello").body();
        }
        assertThat(body).as("the three filters ran 3 times per request").isEqualTo("hello " + 36);
        http.awaitCount(12, series("GET", 200, "/hello", ""));
        http.hooks().assertHooksMatchedClasses("servlet", "JavaxServletAdvice");
    }

    @Test
    void exceptionIs500WithItsClass() {
        http.get("/fail", 3, 500);
        http.awaitCount(3, series("GET", 500, "/fail", "java.lang.UnsupportedOperationException"));
    }

    @Test
    void asyncIsRecordedWhenTheResponseCompletes() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/async").body()).isEqualTo("async");
        }
        Scrape scrape = http.awaitCount(3, series("GET", 200, "/async", ""));
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", series("GET", 200, "/async", "")))
                .isGreaterThanOrEqualTo(0.6);
        http.awaitNoActive();
    }

    @Test
    void rawPathsOnTheDefaultServletNeverBecomeLabels() throws Exception {
        AtomicInteger next = new AtomicInteger();
        HttpFamily.concurrently(
                4, 250, () -> http.get("/raw-" + next.incrementAndGet()).statusCode() == 404);
        Scrape scrape = http.awaitCount(1000, series("GET", 404, "", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("raw-"));
    }
}
