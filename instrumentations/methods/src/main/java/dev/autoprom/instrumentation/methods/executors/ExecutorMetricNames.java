package dev.autoprom.instrumentation.methods.executors;

/** The executor metrics, named as Micrometer's {@code ExecutorServiceMetrics} spells them in Prometheus. */
public final class ExecutorMetricNames {

    public static final String ACTIVE_THREADS = "executor_active_threads";
    public static final String POOL_SIZE_THREADS = "executor_pool_size_threads";
    public static final String POOL_MAX_THREADS = "executor_pool_max_threads";
    public static final String QUEUED_TASKS = "executor_queued_tasks";
    /** Counter names without {@code _total}: the Prometheus client adds it. */
    public static final String COMPLETED_TASKS = "executor_completed_tasks";

    public static final String REJECTED_TASKS = "executor_rejected_tasks";
    public static final String NAME = "name";

    private ExecutorMetricNames() {}
}
