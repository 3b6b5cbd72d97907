package dev.autoprom.agent;

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
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.lang.management.ManagementFactory;

/**
 * The JVM and process metrics of {@code prometheus-metrics-instrumentation-jvm}, registered one by one rather
 * than through {@code JvmMetrics}: the native-memory set asks the platform MBean server whether native memory
 * tracking is on, and creating that server from premain initialises {@code java.util.logging}, which breaks
 * applications that install their own log manager (JBoss, WildFly). It is registered only when the JVM runs
 * with {@code -XX:NativeMemoryTracking}, the only case in which it has data.
 */
final class JvmMetricsRegistration {

    private JvmMetricsRegistration() {
    }

    static void register(PrometheusRegistry registry, Labels labels) {
        JvmThreadsMetrics.builder().constLabels(labels).register(registry);
        JvmBufferPoolMetrics.builder().constLabels(labels).register(registry);
        JvmClassLoadingMetrics.builder().constLabels(labels).register(registry);
        JvmCompilationMetrics.builder().constLabels(labels).register(registry);
        JvmGarbageCollectorMetrics.builder().constLabels(labels).register(registry);
        JvmMemoryPoolAllocationMetrics.builder().constLabels(labels).register(registry);
        JvmMemoryMetrics.builder().constLabels(labels).register(registry);
        JvmRuntimeInfoMetric.builder().constLabels(labels).register(registry);
        ProcessMetrics.builder().constLabels(labels).register(registry);
        if (nativeMemoryTrackingOn()) {
            JvmNativeMemoryMetrics.builder().constLabels(labels).register(registry);
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
}
