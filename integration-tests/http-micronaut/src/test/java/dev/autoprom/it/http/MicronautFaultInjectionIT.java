package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.Test;
import testapp.micronaut.MicronautApp;

/**
 * Micronaut with {@code autoprom.test.fault.injection=true}: the Netty hook and the two Micronaut hooks throw on
 * entry and exit, next to the real advice; the application answers as without the agent and the real advice still
 * recorded each request with its template and exception.
 */
class MicronautFaultInjectionIT {

    @Test
    void failingAdviceChangesNothingTheApplicationSees() {
        try (ChildJvm app = ChildJvm.main(MicronautApp.class)
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 4; i++) {
                assertThat(http.get("/items/" + i).body()).isEqualTo("item " + i);
            }
            http.get("/fail", 2, 500);
            http.awaitCount(4, series("GET", 200, "/items/{id}", ""));
            Scrape scrape = http.awaitCount(2, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            // per request: setUriTemplate's enter and exit; per /fail also setException's
            assertThat(scrape.value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(2 * 6 + 2 * 2);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
