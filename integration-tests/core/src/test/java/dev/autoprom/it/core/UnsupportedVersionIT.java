package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentStatus;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A library in a shape the agent does not know is skipped: no advice, no error, unchanged behaviour; and the
 * hooks that found nothing are shown in /autoprom, counted in autoprom_instrumentation_hooks_missed and logged.
 */
class UnsupportedVersionIT {

    @Test
    void aLookAlikeLibraryIsLeftAlone() {
        try (ChildJvm app = ChildJvm.main(UnsupportedVersionApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start()) {
            app.awaitOutput("READY", Duration.ofSeconds(30));
            assertThat(app.output())
                    .contains("RESULT=fake socket to ws://example.invalid/x")
                    .doesNotContain("could not instrument");
            Scrape scrape = app.scrape();
            assertThat(scrape.sum("autoprom_agent_errors_total")).isZero();
            assertThat(scrape.where(s -> s.name().startsWith("websocket_client_")))
                    .isEmpty();

            // and it is visible: /autoprom names each hook that matched nothing, the gauge counts them, one line each
            AgentStatus status = AgentStatus.port(app.metricsPort());
            assertThat(status.applied("okhttp")).isFalse();
            List<Map<String, Object>> hooks = status.hooks("okhttp");
            assertThat(hooks)
                    .extracting(h -> h.get("hook"))
                    .containsExactly(
                            "OkHttpAdvice$NewWebSocket",
                            "OkHttpAdvice$SendText",
                            "OkHttpAdvice$SendBinary",
                            "OkHttpAdvice$ReadPing",
                            "OkHttpAdvice$ReadPong");
            assertThat(hooks).allSatisfy(h -> assertThat(h.get("state")).isEqualTo("missed"));
            assertThat((String) hooks.get(0).get("reason"))
                    .contains("no method of okhttp3.OkHttpClient matches")
                    .contains("class not found: okhttp3.internal.ws.RealWebSocket");
            assertThat(status.instrumentation("okhttp").get("transformedClasses"))
                    .isEqualTo(0.0);
            assertThat(scrape.value("autoprom_instrumentation_hooks_missed", "instrumentation", "okhttp"))
                    .isEqualTo(5.0);
            app.awaitOutput(
                    "\\[autoprom\\] WARN instrumentation okhttp: hook OkHttpAdvice\\$NewWebSocket "
                            + "matches nothing in ",
                    Duration.ofSeconds(10));
        }
    }
}
