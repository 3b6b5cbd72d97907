package dev.autoprom.instrumentation.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.TargetsCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each of this family's modules, on the real library classes of the test class path (the JDK's for the JDK
 * clients): the type matcher accepts some (the targets are not stale), and the pre-filter rejects none of those.
 * The server family is on the class path too (the client shares its method set); its modules are its own test's.
 */
class TargetsTest {

    private static Map<String, TargetsCoverage.Result> results;

    static List<InstrumentationModule> family() {
        return ServiceLoader.load(InstrumentationModule.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(m -> m.family().equals("httpclient"))
                .collect(Collectors.toList());
    }

    @BeforeAll
    static void scanTheClassPathOnce() {
        results = TargetsCoverage.check(family());
    }

    static Stream<String> modules() {
        return family().stream().map(InstrumentationModule::name);
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

    /**
     * Each advice's method matcher selects a method of the classes the module matched: a library version whose
     * signatures moved would otherwise be matched and silently left without advice.
     */
    @ParameterizedTest
    @MethodSource("modules")
    void everyAdviceFindsItsMethods(String module) {
        InstrumentationModule instrumentation = family().stream()
                .filter(m -> m.name().equals(module))
                .findFirst()
                .orElseThrow();
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
        List<MethodDescription> methods = new ArrayList<>();
        for (String internalName : results.get(module).matched) {
            methods.addAll(
                    pool.describe(internalName.replace('/', '.')).resolve().getDeclaredMethods());
        }
        Map<String, ElementMatcher<? super MethodDescription>> advice = new LinkedHashMap<>();
        instrumentation.adviseMethods(new AdviceTarget() {
            @Override
            public AdviceTarget advise(ElementMatcher<? super MethodDescription> matcher, String adviceClass) {
                advice.merge(adviceClass, matcher, (a, b) -> m -> a.matches(m) || b.matches(m));
                return this;
            }
        });
        assertThat(advice).as(module + ": advice").isNotEmpty();
        advice.forEach((adviceClass, matcher) ->
                assertThat(methods).as(module + ": methods for " + adviceClass).anyMatch(matcher::matches));
    }
}
