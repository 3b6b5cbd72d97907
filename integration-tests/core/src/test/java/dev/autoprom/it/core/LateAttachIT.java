package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import dev.autoprom.it.harness.AgentJar;
import dev.autoprom.it.harness.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same jar attached to a JVM that is already running ({@code Agent-Class}, agentmain). */
class LateAttachIT {

    @Test
    void attachingToARunningJvmStartsTheExporter() throws Exception {
        try (ChildJvm app = ChildJvm.main(PlainApp.class).withoutAgent().start()) {
            app.awaitOutput("READY", Duration.ofSeconds(30));
            assertThat(app.output()).doesNotContain("[autoprom]");
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(app.pid()));
            try {
                vm.loadAgent(AgentJar.path().toString(), "port=0,host=127.0.0.1");
            } finally {
                vm.detach();
            }
            assertThat(app.scrape().value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT"))
                    .isEqualTo(1.0);
            assertThat(app.isAlive()).isTrue();
        }
    }
}
