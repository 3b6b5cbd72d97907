package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.InstrumentationModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What holds for every instrumentation the agent jar ships. */
class ShippedInstrumentationsTest {

    @Test
    void everyShippedInstrumentationNarrowsItsCandidates() {
        // one module left at every class would switch the pre-filter off for all of them
        List<String> unfiltered = new ArrayList<>();
        for (InstrumentationModule module : AgentMain.discoverModules()) {
            if (module.targets().candidates().isAny()) {
                unfiltered.add(module.name());
            }
        }
        assertThat(AgentMain.discoverModules()).isNotEmpty();
        assertThat(unfiltered).isEmpty();
    }
}
