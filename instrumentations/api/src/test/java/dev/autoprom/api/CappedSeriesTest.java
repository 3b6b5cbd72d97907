package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

class CappedSeriesTest {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter counter =
            Counter.builder().name("test_requests_total").labelNames("route").register(registry);

    @Test
    void labelSetsPastTheLimitGoToOneOverflowSeriesAndAreCounted() {
        CappedSeries<CounterDataPoint> series = new CappedSeries<>(counter, "test_requests_total", 1, 3);
        for (int i = 0; i < 10; i++) {
            series.get("/r" + i).inc();
        }
        series.get("/r0").inc(); // an existing set stays usable past the limit

        CounterSnapshot snapshot = (CounterSnapshot) registry.scrape().get(0);
        assertThat(snapshot.getDataPoints()).hasSize(4);
        assertThat(value(snapshot, "/r0")).isEqualTo(2);
        assertThat(value(snapshot, "/r1")).isEqualTo(1);
        assertThat(value(snapshot, "/r2")).isEqualTo(1);
        assertThat(value(snapshot, CappedSeries.OVERFLOW)).isEqualTo(7);
        assertThat(series.size()).isEqualTo(3);

        MetricSnapshots self = AgentMetrics.registry().scrape(n -> n.equals("autoprom_series_overflow"));
        CounterSnapshot overflow = (CounterSnapshot) self.get(0);
        assertThat(overflow.getDataPoints()).anySatisfy(p -> {
            assertThat(p.getLabels().get("metric")).isEqualTo("test_requests_total");
            assertThat(p.getValue()).isEqualTo(7);
        });
    }

    /**
     * Under a cardinality attack every operation carries a new label set: once the cap is reached that path must
     * cost no lock and no allocation (it used to copy the labels under the metric's lock and build the log
     * message on every call).
     */
    @Test
    void theOverflowPathAllocatesNothingOnceFull() {
        CappedSeries<CounterDataPoint> series = new CappedSeries<>(counter, "test_attack_total", 1, 1);
        series.get("/kept").inc();
        String[][] attack = new String[1000][];
        for (int i = 0; i < attack.length; i++) {
            attack[i] = new String[] {"/raw/" + i};
        }
        for (int i = 0; i < 200_000; i++) { // warm-up: JIT
            series.get(attack[i % attack.length]).inc();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++) {
            series.get(attack[i % attack.length]).inc();
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated)
                .as("bytes allocated by 100,000 overflowing lookups")
                .isLessThan(64 * 1024);
        assertThat(series.size()).isEqualTo(1);
        assertThat(series.get("/kept")).isNotSameAs(series.get("/raw/1"));
    }

    @Test
    void sameLabelsGiveTheSameChildAndRemoveForgetsThem() {
        CappedSeries<CounterDataPoint> series = new CappedSeries<>(counter, "test_requests_total", 1, 2);
        assertThat(series.get("/a")).isSameAs(series.get("/a"));
        series.get("/b");
        series.remove("/a");
        assertThat(series.size()).isEqualTo(1);
        series.get("/c").inc(); // room again after remove
        CounterSnapshot snapshot = (CounterSnapshot) registry.scrape().get(0);
        assertThat(snapshot.getDataPoints())
                .extracting(p -> p.getLabels().get("route"))
                .containsExactlyInAnyOrder("/b", "/c");
    }

    @Test
    void severalLabelsShareLevelsAndOverflowWhenFull() {
        Counter two = Counter.builder()
                .name("test_two_total")
                .labelNames("method", "route")
                .register(registry);
        CappedSeries<CounterDataPoint> series = new CappedSeries<>(two, "test_two_total", 2, 2);
        series.get("GET", "/a").inc();
        series.get("GET", "/b").inc();
        series.get("POST", "/a").inc(); // a new first-level value past the limit
        series.get("GET", "/c").inc(); // a new second-level value past the limit
        series.get("GET", "/a").inc();
        assertThat(series.size()).isEqualTo(2);
        CounterSnapshot snapshot =
                (CounterSnapshot) registry.scrape(n -> n.equals("test_two")).get(0);
        assertThat(snapshot.getDataPoints())
                .extracting(
                        p -> p.getLabels().get("method") + " " + p.getLabels().get("route") + " " + (int) p.getValue())
                .containsExactlyInAnyOrder("GET /a 2", "GET /b 1", "_overflow _overflow 2");
    }

    @Test
    void nullLabelValuesBecomeEmpty() {
        CappedSeries<CounterDataPoint> series = new CappedSeries<>(counter, "test_requests_total", 1, 5);
        series.get((String) null).inc();
        CounterSnapshot snapshot = (CounterSnapshot) registry.scrape().get(0);
        assertThat(value(snapshot, "")).isEqualTo(1);
    }

    private static double value(CounterSnapshot snapshot, String route) {
        return snapshot.getDataPoints().stream()
                .filter(p -> route.equals(p.getLabels().get("route")))
                .findFirst()
                .orElseThrow()
                .getValue();
    }
}
