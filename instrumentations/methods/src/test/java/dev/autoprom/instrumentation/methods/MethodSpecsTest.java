package dev.autoprom.instrumentation.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import fixture.MpClassLevel;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The records the transformer builds from a class's annotations, and what a call records through them: the
 * naming rules the integration tests do not reach (MicroProfile on a class, a repeated @Timed, malformed tags).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodSpecsTest {

    private final Map<String, MethodDescription> methods = new HashMap<>();

    @BeforeAll
    void transform() {
        for (MethodDescription method :
                TypeDescription.ForLoadedType.of(MpClassLevel.class).getDeclaredMethods()) {
            methods.put(method.getName(), method);
        }
    }

    private static String key(String method) {
        return (MpClassLevel.class.getName() + '.' + method + "()V").intern();
    }

    private static void call(String method, int times) {
        for (int i = 0; i < times; i++) {
            MethodHooks.exit(key(method), MethodHooks.enter(key(method)), null);
        }
    }

    @Test
    void microProfileOnAClassNamesEachPublicMethodAndDropsAMalformedTag() {
        assertThat(MethodSpecs.prepare(methods.get("first"))).isNotNull();
        assertThat(MethodSpecs.prepare(methods.get("hidden")))
                .as("private: not a proxy's method")
                .isNull();
        call("first", 3);
        CounterSnapshot counter = (CounterSnapshot) snapshot("fixture_MpClassLevel_ops_first");
        assertThat(counter.getDataPoints()).hasSize(1);
        CounterSnapshot.CounterDataPointSnapshot point = counter.getDataPoints().get(0);
        assertThat(point.getValue()).isEqualTo(3);
        assertThat((Object) point.getLabels())
                .isEqualTo(Labels.of(
                        "class", "fixture.MpClassLevel",
                        "exception", "none",
                        "method", "first",
                        "result", "success",
                        "tier", "gold"));
    }

    @Test
    void eachRepeatedTimedRecordsAndAnOddExtraTagIsDropped() {
        assertThat(MethodSpecs.prepare(methods.get("twice"))).isNotNull();
        call("twice", 2);
        HistogramSnapshot a = (HistogramSnapshot) snapshot("twice_a_seconds");
        HistogramSnapshot b = (HistogramSnapshot) snapshot("twice_b_seconds");
        assertThat(a.getDataPoints().get(0).getCount()).isEqualTo(2);
        assertThat(b.getDataPoints().get(0).getCount()).isEqualTo(2);
        assertThat(b.getDataPoints().get(0).getLabels().get("k")).isEqualTo("v");
        assertThat(b.getDataPoints().get(0).getLabels().size()).isEqualTo(4);
        // the class-level MicroProfile counter applies to it too: one interception feeds all three
        CounterSnapshot counter = (CounterSnapshot) snapshot("fixture_MpClassLevel_ops_twice");
        assertThat(counter.getDataPoints().get(0).getValue()).isEqualTo(2);
    }

    @Test
    void aFailureIsCountedWithTheExceptionsSimpleName() {
        MethodSpecs.prepare(methods.get("first"));
        long start = MethodHooks.enter(key("first"));
        MethodHooks.exit(key("first"), start, new IllegalArgumentException("x"));
        CounterSnapshot counter = (CounterSnapshot) snapshot("fixture_MpClassLevel_ops_first");
        assertThat(counter.getDataPoints().stream()
                        .filter(p -> "failure".equals(p.getLabels().get("result")))
                        .map(p -> p.getLabels().get("exception") + "=" + p.getValue()))
                .containsExactly("IllegalArgumentException=1.0");
    }

    private static MetricSnapshot snapshot(String name) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - 6) : name;
        return AgentMetrics.registry().scrape(n -> n.equals(base)).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
