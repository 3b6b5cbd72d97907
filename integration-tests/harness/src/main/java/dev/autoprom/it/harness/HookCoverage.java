package dev.autoprom.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-module proof that every hook of an instrumentation matches the library version a test module runs:
 * {@code /autoprom} says applied, each hook matched (or, for a hierarchy module, matched at least one class),
 * the library version is the one expected, and {@code autoprom_instrumentation_hooks_missed} is 0.
 */
public final class HookCoverage {

    private final int port;

    private HookCoverage(int port) {
        this.port = port;
    }

    public static HookCoverage port(int port) {
        return new HookCoverage(port);
    }

    /**
     * Asserts every hook of {@code instrumentation} matched, on a library whose description contains
     * {@code library} (the jar's title and version, {@code "Agroal Connection Pool 3.2"}, or its file name).
     */
    public HookCoverage assertAllHooksMatched(String instrumentation, String library) {
        AgentStatus status = AgentStatus.port(port);
        Map<String, Object> entry = status.instrumentation(instrumentation);
        assertThat(status.libraries(instrumentation))
                .as("libraries seen by %s: %s", instrumentation, entry)
                .anySatisfy(seen -> assertThat(seen).contains(library));
        for (Map<String, Object> hook : status.hooks(instrumentation)) {
            assertThat(hook.get("state"))
                    .as("hook %s of %s: %s", hook.get("hook"), instrumentation, hook)
                    .isEqualTo("matched");
            assertThat(((Number) hook.get("matchedClasses")).intValue())
                    .as("classes transformed with hook %s of %s: %s", hook.get("hook"), instrumentation, hook)
                    .isPositive();
        }
        assertThat(status.applied(instrumentation))
                .as("%s applied: %s", instrumentation, entry)
                .isTrue();
        assertThat(Scrape.port(port).value("autoprom_instrumentation_hooks_missed", "instrumentation", instrumentation))
                .isZero();
        return this;
    }

    /**
     * For a hierarchy module (hooks optional, counted): applied, and every hook with one of these names matched
     * at least one class.
     */
    public HookCoverage assertHooksMatchedClasses(String instrumentation, String... hookNames) {
        AgentStatus status = AgentStatus.port(port);
        assertThat(status.applied(instrumentation))
                .as("%s applied", instrumentation)
                .isTrue();
        for (String name : hookNames) {
            List<Map<String, Object>> named = status.hooks(instrumentation).stream()
                    .filter(h -> name.equals(h.get("hook")))
                    .collect(Collectors.toList());
            assertThat(named).as("hooks %s of %s", name, instrumentation).isNotEmpty();
            for (Map<String, Object> hook : named) {
                assertThat(hook.get("state")).isEqualTo("optional");
                assertThat(((Number) hook.get("matchedClasses")).intValue())
                        .as("classes with hook %s of %s: %s", name, instrumentation, hook)
                        .isPositive();
            }
        }
        return this;
    }
}
