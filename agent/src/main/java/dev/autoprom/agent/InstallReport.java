package dev.autoprom.agent;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the installer did, per instrumentation: enabled or not, which classes it transformed, which library
 * versions it saw and whether each of its hooks matched. Feeds {@code autoprom_instrumented_classes} and
 * {@code autoprom_instrumentation_hooks_missed} (both by {@code instrumentation}) and the {@code /autoprom} page.
 */
final class InstallReport {

    static final InstallReport EMPTY = new InstallReport();
    static final String INSTRUMENTED_CLASSES = "autoprom_instrumented_classes";
    static final String HOOKS_MISSED = "autoprom_instrumentation_hooks_missed";
    /** Class names kept per instrumentation for /autoprom; the count goes on past it. */
    private static final int MAX_NAMES = 200;
    /** Library versions kept per instrumentation (one per class loader that has the library, normally one). */
    private static final int MAX_LIBRARIES = 10;

    private static Gauge gauge;

    /** The class cache in use, for {@code /autoprom}; null when there is none. */
    volatile RewrittenClassCache classCache;

    /** One instrumentation's state. */
    static final class Entry {
        final String family;
        final String name;
        final boolean enabled;
        final Set<String> classes = new ConcurrentSkipListSet<>();
        final AtomicInteger transformed = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        /** Library versions seen, in the order seen. */
        final Set<String> libraries = new CopyOnWriteArraySet<>();
        /** Classes a matched module could not be rewritten into: their advice is not in effect. */
        final Map<String, String> failedClasses = new ConcurrentSkipListMap<>();

        private volatile List<Need> needs = Collections.emptyList();
        private volatile boolean hooksCheckable;
        /** Runs the hook checks of libraries seen since the last run (the module's). */
        private volatile Runnable pendingChecks;

        private final GaugeDataPoint count;

        Entry(String family, String name, boolean enabled, GaugeDataPoint count) {
            this.family = family;
            this.name = name;
            this.enabled = enabled;
            this.count = count;
        }

        void needs(List<Need> moduleNeeds, boolean checkable, Runnable checks) {
            this.needs = moduleNeeds;
            this.hooksCheckable = checkable;
            this.pendingChecks = checks;
        }

        List<Need> needs() {
            return needs;
        }

        /** Whether its hooks are all needed and checked against the library (the module names its classes). */
        boolean hooksCheckable() {
            return hooksCheckable;
        }

        void library(String library) {
            if (library != null && libraries.size() < MAX_LIBRARIES) {
                libraries.add(library);
            }
        }

        int missedNeeds() {
            int n = 0;
            for (Need need : needs) {
                if (need.missed()) {
                    n++;
                }
            }
            return n;
        }

        /** The class was matched but could not be rewritten: nothing of this module is in effect in it. */
        void failed(String className, Throwable failure) {
            if (failedClasses.size() < MAX_NAMES) {
                failedClasses.put(className, String.valueOf(failure));
            }
        }

        /** In effect: classes transformed, every needed hook found, no class that failed. */
        boolean applied() {
            return transformed.get() > 0 && missedNeeds() == 0 && failedClasses.isEmpty();
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

    /** Runs the hook checks still to do (libraries seen since the last call); on the caller's thread. */
    void checkPendingHooks() {
        for (Entry entry : entries) {
            Runnable checks = entry.pendingChecks;
            if (checks != null) {
                try {
                    checks.run();
                } catch (Throwable t) {
                    SelfMetrics.recordError("installer", t);
                }
            }
        }
    }

    /**
     * {@code autoprom_instrumentation_hooks_missed}, read at scrape time: the scrape first runs the pending hook
     * checks (on the exporter's thread), then reports each enabled instrumentation's missed hooks.
     */
    void registerHooksMissedGauge() {
        GaugeWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(HOOKS_MISSED)
                .help("Hooks an instrumentation needs that matched no method of the library version seen; see "
                        + "/autoprom for which.")
                .constLabels(AgentMetrics.constLabels())
                .labelNames("instrumentation")
                .callback(callback -> {
                    checkPendingHooks();
                    for (Entry entry : entries) {
                        if (entry.enabled) {
                            callback.call(entry.missedNeeds(), entry.name);
                        }
                    }
                })
                .register(AgentMetrics.registry());
    }
}
