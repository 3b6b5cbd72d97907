package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.Test;
import testapp.netty.NettyApp;

/**
 * The Netty hook with {@code autoprom.test.fault.injection=true} (advice that throws on entry and exit of every
 * instrumented method, next to the real advice): the application answers exactly as without the agent, every
 * throw is counted, and the real advice still installed its handler (requests recorded exactly).
 */
class NettyFaultInjectionIT {

    @Test
    void failingAdviceChangesNothingTheApplicationSees() {
        try (ChildJvm app = ChildJvm.main(NettyApp.class)
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/hello").body()).isEqualTo("hello");
            }
            http.get("/fail", 2, 500);
            assertThat(http.get("/stream").body()).isEqualTo("chunk\n".repeat(5));
            Scrape scrape = http.awaitCount(6, series("GET", 200, "", ""));
            http.awaitCount(2, series("GET", 500, "", "500"));
            // one connection at least (the client keeps it alive): handlerAdded's enter and exit both threw
            assertThat(scrape.value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
