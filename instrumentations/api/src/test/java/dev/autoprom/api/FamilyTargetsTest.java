package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each module a family ships (its {@code META-INF/services} file), on the real library classes of the
 * family's test class path: the type matcher accepts some (the targets are not stale), and the pre-filter
 * rejects none of those. A family runs it with an empty subclass, {@code class TargetsTest extends
 * FamilyTargetsTest {}}.
 */
public abstract class FamilyTargetsTest {

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
