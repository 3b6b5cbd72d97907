package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A library in a shape the agent does not know is skipped: no advice, no error, unchanged behaviour. */
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
        }
    }
}
