package dev.autoprom.instrumentation.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.TargetsCoverage;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each of this family's modules, on the real library classes of the test class path: the type matcher
 * accepts some (the targets are not stale), and the pre-filter rejects none of those.
 */
class TargetsTest {

    private static Map<String, TargetsCoverage.Result> results;

    @BeforeAll
    static void scanTheClassPathOnce() {
        results = TargetsCoverage.check(ServiceLoader.load(InstrumentationModule.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList()));
    }

    static Stream<String> modules() {
        return ServiceLoader.load(InstrumentationModule.class).stream()
                .map(p -> p.get().name());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void thePreFilterPassesEveryClassTheMatcherAccepts(String module) {
        TargetsCoverage.Result result = results.get(module);
        assertThat(result.matched).as(module + ": classes matched").isNotEmpty();
        assertThat(result.rejectedByPreFilter)
                .as(module + ": matched but not candidates")
                .isEmpty();
    }
}
