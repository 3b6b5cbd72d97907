package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import testapp.helidon.HelidonApp;

/**
 * Helidon with {@code autoprom.test.fault.injection=true}: each Helidon hook throws on entry and exit, next to the
 * real advice; the application answers as without the agent and the real advice still recorded each request
 * exactly, with its pattern and exception.
 */
class HelidonFaultInjectionIT {

    @Test
    void failingAdviceChangesNothingTheApplicationSees() {
        try (ChildJvm app = ChildJvm.main(HelidonApp.class)
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/hello").body()).isEqualTo("hello");
                assertThat(http.get("/items/" + i).body()).isEqualTo("item " + i);
                assertThat(http.get("/stream").body()).isEqualTo("chunk\n".repeat(5));
                HttpResponse<String> failed = http.get("/fail");
                assertThat(failed.statusCode()).isEqualTo(500);
                assertThat(http.get("/nothing-here").statusCode()).isEqualTo(404);
                assertThat(http.get("/api/things/" + i).body()).isEqualTo("thing " + i);
            }
            http.awaitCount(3, series("GET", 200, "/hello", ""));
            http.awaitCount(3, series("GET", 200, "/items/{id}", ""));
            http.awaitCount(3, series("GET", 200, "/stream", ""));
            http.awaitCount(3, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            http.awaitCount(3, series("GET", 404, "", ""));
            Scrape scrape = http.awaitCount(3, series("GET", 200, "/api/things/{id}", ""));
            // per request at least route's enter and exit; more for /fail (error handling) and /api (its service)
            assertThat(scrape.value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(18 * 2 + 3 * 2 + 3 * 2);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            http.awaitNoActive();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
