package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.Test;

/** This test JVM runs with the agent on its command line (the module's agent.argLine): it scrapes itself. */
class InJvmAgentIT {

    @Test
    void theForkedTestJvmServesItsOwnMetrics() {
        Scrape scrape = InJvmAgent.scrape();
        assertThat(scrape.value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT", "suite", "core"))
                .isEqualTo(1.0);
        assertThat(scrape.value("jvm_threads_current", "suite", "core")).isGreaterThanOrEqualTo(1.0);
    }
}
