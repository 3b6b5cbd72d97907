package dev.autoprom.instrumentation.methods.executors;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six executor metrics, read live at each scrape from the registered executors (no per-task work at all,
 * except counting rejections). Pools that share a name are summed into one series. Registered with the agent's
 * registry when the first executor is, so a JVM without executors shows none.
 */
final class ExecutorMetrics {

    private static volatile boolean registered;

    private ExecutorMetrics() {}

    static void ensureRegistered() {
        if (registered) {
            return;
        }
        synchronized (ExecutorMetrics.class) {
            if (registered) {
                return;
            }
            registered = true;
            gauge(ExecutorMetricNames.ACTIVE_THREADS, "Threads running a task, per executor.", 0);
            gauge(ExecutorMetricNames.POOL_SIZE_THREADS, "Threads in the pool, per executor.", 1);
            gauge(
                    ExecutorMetricNames.POOL_MAX_THREADS,
                    "Most threads the pool may have (a fork-join pool's parallelism), per executor.",
                    2);
            gauge(ExecutorMetricNames.QUEUED_TASKS, "Tasks waiting for a thread, per executor.", 3);
            counter(
                    ExecutorMetricNames.COMPLETED_TASKS,
                    "Tasks the executor has finished (thread pools; a fork-join pool does not count them).",
                    4);
            counter(
                    ExecutorMetricNames.REJECTED_TASKS,
                    "Tasks the executor refused (its RejectedExecutionHandler was called), thread pools only.",
                    5);
        }
    }

    private static void gauge(String name, String help, int column) {
        GaugeWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(name)
                .help(help)
                .constLabels(AgentMetrics.constLabels())
                .labelNames(ExecutorMetricNames.NAME)
                .callback(callback -> {
                    for (Map.Entry<String, double[]> e : byName(false).entrySet()) {
                        callback.call(e.getValue()[column], e.getKey());
                    }
                })
                .register(AgentMetrics.registry());
    }

    private static void counter(String name, String help, int column) {
        CounterWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(name)
                .help(help)
                .constLabels(AgentMetrics.constLabels())
                .labelNames(ExecutorMetricNames.NAME)
                .callback(callback -> {
                    for (Map.Entry<String, double[]> e : byName(true).entrySet()) {
                        callback.call(e.getValue()[column], e.getKey());
                    }
                })
                .register(AgentMetrics.registry());
    }

    /**
     * One row per name: active, pool size, max, queued, completed, rejected, summed over the live pools with
     * that name; {@code countersOnly} leaves out the pools that count no tasks (fork-join pools).
     */
    private static Map<String, double[]> byName(boolean countersOnly) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try {
            List<ExecutorRegistry.Live> live = ExecutorRegistry.live();
            for (ExecutorRegistry.Live pool : live) {
                ExecutorProbe probe = pool.record.probe;
                if (countersOnly && !probe.countsTasks()) {
                    continue;
                }
                double[] row = rows.computeIfAbsent(pool.record.name, n -> new double[6]);
                Object executor = pool.executor;
                if (countersOnly) {
                    row[4] += probe.completedTasks(executor);
                    row[5] += pool.record.rejected.sum();
                } else {
                    row[0] += probe.activeThreads(executor);
                    row[1] += probe.poolSize(executor);
                    row[2] += probe.maxThreads(executor);
                    row[3] += probe.queuedTasks(executor);
                }
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods.executors", t);
        }
        return rows;
    }
}
