package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoprom.it.harness.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code promtool check metrics} on the agent's scrape of a plain application: no findings at all. */
class PromtoolIT {

    @Test
    void scrapeOfAPlainApplicationHasNoLintFindings() throws Exception {
        boolean available = new File("/usr/bin/promtool").canExecute();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("promtool is required when CI=true (.ci/run installs Debian's prometheus)");
        }
        assumeTrue(available, "promtool not installed (apt-get install prometheus); skipped outside CI");
        try (ChildJvm app = ChildJvm.main(PlainApp.class).agentArgs("port=0").start()) {
            app.awaitOutput("READY", Duration.ofSeconds(30));
            String text = app.scrape().text();
            Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            promtool.getOutputStream().close();
            String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(findings).isEmpty();
            assertThat(promtool.exitValue()).isZero();
        }
    }
}
