package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each module a family ships (its {@code META-INF/services} file), on the real library classes of the
 * family's test class path: the type matcher accepts some (the targets are not stale), and the pre-filter
 * rejects none of those. A family runs it with a subclass naming the family (another family on its class path,
 * a dependency, is that family's own test's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FamilyTargetsTest {

    private Map<String, TargetsCoverage.Result> results;

    /** The family whose modules are checked: {@code http}, {@code jdbc}, ... */
    protected abstract String family();

    private List<InstrumentationModule> familyModules() {
        return ServiceLoader.load(InstrumentationModule.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(module -> module.family().equals(family()))
                .collect(Collectors.toList());
    }

    @BeforeAll
    void scanTheClassPathOnce() {
        results = TargetsCoverage.check(familyModules());
    }

    Stream<String> modules() {
        return familyModules().stream().map(InstrumentationModule::name);
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
