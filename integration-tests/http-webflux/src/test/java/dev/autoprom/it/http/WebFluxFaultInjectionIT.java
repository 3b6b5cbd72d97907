package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.Test;
import testapp.webflux.WebFluxApp;

/**
 * WebFlux on Reactor Netty with {@code autoprom.test.fault.injection=true}: the Netty and WebFlux hooks throw on
 * entry and exit, next to the real advice; the application answers as without the agent and the real advice still
 * recorded each request with its pattern and exception.
 */
class WebFluxFaultInjectionIT {

    @Test
    void failingAdviceChangesNothingTheApplicationSees() {
        try (ChildJvm app = ChildJvm.main(WebFluxApp.class)
                .args("netty")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 4; i++) {
                assertThat(http.get("/fn/n" + i).body()).isEqualTo("fn n" + i);
            }
            http.get("/fail", 2, 500);
            http.awaitCount(4, series("GET", 200, "/fn/{name}", ""));
            Scrape scrape = http.awaitCount(2, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            // per request: createExchange's enter and exit
            assertThat(scrape.value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(2 * 6);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
