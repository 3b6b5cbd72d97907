package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A server of {@link NonServletServerContract} with {@code autoprom.test.fault.injection=true}: every advice of
 * every instrumentation throws on entry and exit. The app must answer exactly as it does without the agent, and
 * the agent must have counted the throws (so the advice did run on these paths).
 */
public abstract class FaultInjectedServerCheck {

    /** The app, as its contract test launches it. */
    protected abstract ChildJvm.Builder launch();

    @Test
    void failingAdviceChangesNothingTheClientSees() {
        try (ChildJvm app =
                launch().property("autoprom.test.fault.injection", "true").start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 3; i++) {
                assertThat(http.get("/hello").body()).isEqualTo("hello");
                assertThat(http.get("/items/" + i).body()).isEqualTo("item " + i);
                assertThat(http.get("/stream").body()).isEqualTo("chunk\n".repeat(5));
                HttpResponse<String> failed = http.get("/fail");
                assertThat(failed.statusCode()).isEqualTo(500);
                assertThat(http.get("/nothing-here").statusCode()).isEqualTo(404);
            }
            assertThat(http.scrape().sum("autoprom_agent_errors_total", "component", "advice"))
                    .as("the injected faults were thrown (and swallowed)")
                    .isPositive();
        }
    }
}
