package dev.autoprom.instrumentation.methods.executors;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * What the executor advice calls. Nothing here runs per task: a worker thread starting registers its pool the
 * first time (one identity-map lookup for every later worker), and a rejection adds one. Never throws.
 */
public final class ExecutorHooks {

    private static final Bridge<ExecutorProbe> TOMCAT = Bridge.of(
            ExecutorProbe.class,
            "dev.autoprom.instrumentation.methods.executors.bridge.TomcatExecutorProbe",
            "methods.executors",
            ExecutorProbe.NONE);

    private ExecutorHooks() {}

    /** {@code ThreadPoolExecutor.runWorker}: on the new worker thread, before its first task. */
    public static void threadPoolWorkerStarted(Object executor) {
        try {
            if (ExecutorRegistry.find(executor) == null) {
                ExecutorRegistry.register(
                        executor, JdkProbes.THREAD_POOL, Thread.currentThread().getName(), false);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods.executors", t);
        }
    }

    /** Tomcat's {@code ThreadPoolExecutor.runWorker}. */
    public static void tomcatWorkerStarted(Object executor) {
        try {
            if (ExecutorRegistry.find(executor) == null) {
                ExecutorProbe probe = TOMCAT.get(executor.getClass());
                if (!TOMCAT.isFallback(probe)) {
                    ExecutorRegistry.register(
                            executor, probe, Thread.currentThread().getName(), false);
                }
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods.executors", t);
        }
    }

    /** {@code ForkJoinWorkerThread.run}: the thread is a pool's worker, its name is final by now. */
    public static void forkJoinWorkerStarted(Thread worker) {
        try {
            ForkJoinPool pool = ((ForkJoinWorkerThread) worker).getPool();
            if (pool != null && ExecutorRegistry.find(pool) == null) {
                ExecutorRegistry.register(pool, JdkProbes.FORK_JOIN, worker.getName(), true);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods.executors", t);
        }
    }

    /** {@code reject(Runnable)} of either thread pool: the handler is about to be called. */
    public static void rejected(Object executor) {
        try {
            PoolRecord record = ExecutorRegistry.find(executor);
            if (record != null && record != PoolRecord.EXCLUDED) {
                record.rejected.increment();
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods.executors", t);
        }
    }
}
