package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.util.function.Predicate;

/**
 * The JVM and process metrics of {@code prometheus-metrics-instrumentation-jvm}, registered one by one rather
 * than through {@code JvmMetrics}: the native-memory set asks the platform MBean server whether native memory
 * tracking is on, and creating that server from premain initialises {@code java.util.logging}, which breaks
 * applications that install their own log manager (JBoss, WildFly). It is registered only when the JVM runs
 * with {@code -XX:NativeMemoryTracking}, the only case in which it has data.
 *
 * <p>They are created at the first scrape, not at start-up ({@link #registerAtFirstScrape}): building them
 * loads the JDK's management classes and MXBeans, a few hundred milliseconds of CPU that an application
 * starting on one or two CPUs would otherwise share with the agent. Every value is read at scrape time anyway;
 * the one counter that accumulates between scrapes ({@code jvm_memory_pool_allocated_bytes_total}) counts from
 * the first scrape.
 */
final class JvmMetricsRegistration {

    private JvmMetricsRegistration() {}

    /** Registers a collector that registers the JVM metrics in a registry of their own when first scraped. */
    static void registerAtFirstScrape(PrometheusRegistry registry, Labels labels) {
        registry.register(new AtFirstScrape(labels));
    }

    static void register(PrometheusRegistry registry, Labels labels) {
        JvmThreadsMetrics.builder(AgentMetrics.PROPERTIES).constLabels(labels).register(registry);
        JvmBufferPoolMetrics.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        JvmClassLoadingMetrics.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        JvmCompilationMetrics.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        JvmGarbageCollectorMetrics.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        JvmMemoryPoolAllocationMetrics.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        JvmMemoryMetrics.builder(AgentMetrics.PROPERTIES).constLabels(labels).register(registry);
        JvmRuntimeInfoMetric.builder(AgentMetrics.PROPERTIES)
                .constLabels(labels)
                .register(registry);
        ProcessMetrics.builder(AgentMetrics.PROPERTIES).constLabels(labels).register(registry);
        if (nativeMemoryTrackingOn()) {
            JvmNativeMemoryMetrics.builder(AgentMetrics.PROPERTIES)
                    .constLabels(labels)
                    .register(registry);
        }
    }

    private static boolean nativeMemoryTrackingOn() {
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:NativeMemoryTracking=") && !argument.endsWith("=off")) {
                return true;
            }
        }
        return false;
    }

    /** The JVM metrics, built on the first call to collect; a failure is logged once and leaves them out. */
    private static final class AtFirstScrape implements MultiCollector {
        private final Labels labels;
        private volatile PrometheusRegistry jvm;

        AtFirstScrape(Labels labels) {
            this.labels = labels;
        }

        @Override
        public MetricSnapshots collect() {
            return jvm().scrape();
        }

        @Override
        public MetricSnapshots collect(Predicate<String> includedNames) {
            return jvm().scrape(includedNames);
        }

        private PrometheusRegistry jvm() {
            PrometheusRegistry result = jvm;
            if (result == null) {
                synchronized (this) {
                    result = jvm;
                    if (result == null) {
                        result = new PrometheusRegistry();
                        try {
                            register(result, labels);
                        } catch (Throwable t) {
                            AgentLog.error("cannot register the JVM metrics; they are left out", t);
                            SelfMetrics.recordError("agent", t);
                            result = new PrometheusRegistry();
                        }
                        jvm = result;
                    }
                }
            }
            return result;
        }
    }
}
