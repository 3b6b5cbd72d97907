package dev.autoprom.it.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The agent bundles relocated ByteBuddy and Prometheus classes: an application's own copies are untouched. */
class DependencyConflictsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String[] LINKAGE_PROBLEMS = {
        "LinkageError",
        "ClassCastException",
        "NoSuchMethodError",
        "NoClassDefFoundError",
        "VerifyError",
        "IncompatibleClassChangeError",
        "[autoprom] WARN",
        "[autoprom] ERROR"
    };

    @Test
    void applicationWithItsOwnByteBuddyAndPrometheusClient() {
        try (ChildJvm app = ChildJvm.main(OwnLibrariesApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            assertThat(app.output()).contains("GENERATED=made by the application's ByteBuddy");
            int appPort =
                    Integer.parseInt(app.awaitOutput("APP_PORT=(\\d+)", STARTUP).group(1));
            Scrape own = Scrape.port(appPort);
            assertThat(own.value("app_requests_total")).isEqualTo(7.0);
            assertThat(own.has("autoprom_agent_info")).isFalse();
            Scrape agent = app.scrape();
            assertThat(agent.value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT"))
                    .isEqualTo(1.0);
            assertThat(agent.has("app_requests_total")).isFalse();
            assertThat(app.output()).doesNotContain(LINKAGE_PROBLEMS);
        }
    }

    @Test
    void springBootWithActuatorAndMicrometerPrometheus() {
        try (ChildJvm app = ChildJvm.main(BootActuatorApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            int appPort =
                    Integer.parseInt(app.awaitOutput("APP_PORT=(\\d+)", STARTUP).group(1));
            assertThat(Scrape.get("http://127.0.0.1:" + appPort + "/hello").body())
                    .isEqualTo("hello");
            Scrape actuator = Scrape.url("http://127.0.0.1:" + appPort + "/actuator/prometheus");
            assertThat(actuator.has("jvm_memory_used_bytes")).isTrue();
            assertThat(actuator.has("autoprom_agent_info")).isFalse();
            Scrape agent = app.scrape();
            assertThat(agent.value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT"))
                    .isEqualTo(1.0);
            assertThat(app.output()).doesNotContain(LINKAGE_PROBLEMS);
        }
    }
}
