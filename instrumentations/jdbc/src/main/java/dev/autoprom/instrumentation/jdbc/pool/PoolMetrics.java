package dev.autoprom.instrumentation.jdbc.pool;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.instrumentation.jdbc.JdbcMetricNames;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.function.ToIntFunction;

/**
 * The pool metrics of the catalog. Gauges are callbacks over the registered pools, read at scrape time; the
 * counter and histograms get one child per pool, removed when the pool closes.
 */
final class PoolMetrics {

    static final Counter TIMEOUTS = AgentMetrics.counter(
                    JdbcMetricNames.CONNECTION_TIMEOUTS, "Connection requests that timed out waiting for the pool.")
            .labelNames(JdbcMetricNames.POOL_NAME)
            .register(AgentMetrics.registry());
    static final Histogram CREATE_TIME =
            histogram(JdbcMetricNames.CONNECTION_CREATE_TIME, "Time to create a new physical connection.");
    static final Histogram WAIT_TIME = histogram(
            JdbcMetricNames.CONNECTION_WAIT_TIME, "Time spent obtaining a connection from the pool (getConnection).");
    static final Histogram USE_TIME = histogram(
            JdbcMetricNames.CONNECTION_USE_TIME, "Time between borrowing a connection and returning it to the pool.");

    static {
        GaugeWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(JdbcMetricNames.CONNECTION_USAGE)
                .help("Connections in the pool, by state (idle or used).")
                .constLabels(AgentMetrics.constLabels())
                .labelNames(JdbcMetricNames.POOL_NAME, JdbcMetricNames.STATE)
                .callback(callback -> {
                    for (PoolRegistry.Pool pool : PoolRegistry.livePools()) {
                        emit(pool, PoolGauges::idle, v -> callback.call(v, pool.name, "idle"));
                        emit(pool, PoolGauges::used, v -> callback.call(v, pool.name, "used"));
                    }
                })
                .register(AgentMetrics.registry());
        perPool(
                JdbcMetricNames.CONNECTION_IDLE_MAX,
                "Maximum number of idle connections allowed.",
                PoolGauges::idleMax);
        perPool(JdbcMetricNames.CONNECTION_IDLE_MIN, "Minimum number of idle connections kept.", PoolGauges::idleMin);
        perPool(JdbcMetricNames.CONNECTION_MAX, "Maximum number of connections allowed.", PoolGauges::max);
        GaugeWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(JdbcMetricNames.CONNECTION_PENDING)
                .help("Requests waiting for a connection from the pool.")
                .constLabels(AgentMetrics.constLabels())
                .labelNames(JdbcMetricNames.POOL_NAME)
                .callback(callback -> {
                    for (PoolRegistry.Pool pool : PoolRegistry.livePools()) {
                        emit(pool, PoolGauges::pending, v -> callback.call(v, pool.name));
                    }
                })
                .register(AgentMetrics.registry());
    }

    private PoolMetrics() {}

    static void init() {
        // class initialisation registers the metrics
    }

    private static void perPool(String name, String help, ToIntFunction<PoolGauges> read) {
        GaugeWithCallback.builder(AgentMetrics.PROPERTIES)
                .name(name)
                .help(help)
                .constLabels(AgentMetrics.constLabels())
                .labelNames(JdbcMetricNames.POOL_NAME)
                .callback(callback -> {
                    for (PoolRegistry.Pool pool : PoolRegistry.livePools()) {
                        emit(pool, read, v -> callback.call(v, pool.name));
                    }
                })
                .register(AgentMetrics.registry());
    }

    private static void emit(
            PoolRegistry.Pool pool, ToIntFunction<PoolGauges> read, java.util.function.IntConsumer out) {
        int value;
        try {
            value = read.applyAsInt(pool.gauges);
        } catch (Throwable t) {
            dev.autoprom.api.SelfMetrics.recordError("jdbc.pool", t);
            return;
        }
        if (value != PoolGauges.UNKNOWN) {
            out.accept(value);
        }
    }

    private static Histogram histogram(String name, String help) {
        return AgentMetrics.histogram(name, help, JdbcMetricNames.BUCKETS)
                .labelNames(JdbcMetricNames.POOL_NAME)
                .register(AgentMetrics.registry());
    }
}
