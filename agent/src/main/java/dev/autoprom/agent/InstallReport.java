package dev.autoprom.agent;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the installer did, per instrumentation: enabled or not, and which classes it transformed. Feeds
 * {@code autoprom_instrumented_classes{instrumentation}} and the {@code /autoprom} page.
 */
final class InstallReport {

    static final InstallReport EMPTY = new InstallReport();
    static final String INSTRUMENTED_CLASSES = "autoprom_instrumented_classes";
    /** Class names kept per instrumentation for /autoprom; the count goes on past it. */
    private static final int MAX_NAMES = 200;

    private static Gauge gauge;

    /** One instrumentation's state. */
    static final class Entry {
        final String family;
        final String name;
        final boolean enabled;
        final Set<String> classes = new ConcurrentSkipListSet<>();
        final AtomicInteger transformed = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        private final GaugeDataPoint count;

        Entry(String family, String name, boolean enabled, GaugeDataPoint count) {
            this.family = family;
            this.name = name;
            this.enabled = enabled;
            this.count = count;
        }

        void transformed(String className) {
            if (classes.size() < MAX_NAMES) {
                classes.add(className);
            }
            transformed.incrementAndGet();
            if (count != null) {
                count.inc();
            }
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry add(String family, String name, boolean enabled) {
        GaugeDataPoint count = null;
        if (enabled) {
            count = gauge().labelValues(name);
        }
        Entry entry = new Entry(family, name, enabled, count);
        entries.add(entry);
        return entry;
    }

    List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    private static synchronized Gauge gauge() {
        if (gauge == null) {
            gauge = AgentMetrics.gauge(INSTRUMENTED_CLASSES, "Classes transformed by each instrumentation.")
                    .labelNames("instrumentation")
                    .register(AgentMetrics.registry());
        }
        return gauge;
    }
}
