package dev.autoprom.instrumentation.jdbc.hikari.bridge;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.pool.HikariPool;
import dev.autoprom.api.AgentLog;
import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;

/**
 * Registers a started {@link HikariPool} (given to {@link #accept}) and installs the agent's
 * {@link MetricsTrackerFactory} on it. Gauges are read live from the pool (Hikari's {@link PoolStats} are
 * cached for a second); the pool is held weakly.
 */
public final class HikariPoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<HikariPool> pool;

    @Override
    public void accept(Object started) {
        HikariPool hikariPool = (HikariPool) started;
        this.pool = new WeakReference<>(hikariPool);
        HikariConfig config = hikariPool.config;
        PoolRegistry.Pool registered = PoolRegistry.register(hikariPool, "HikariPool", config.getPoolName(), this);
        if (config.getMetricsTrackerFactory() == null && config.getMetricRegistry() == null) {
            hikariPool.setMetricsTrackerFactory(new Factory(registered));
        } else {
            AgentLog.info("HikariCP pool " + registered.name + " has its own metrics tracker; autoprom reports its "
                    + "gauges only (no wait/use/create times or timeouts)");
        }
    }

    private HikariPool pool() {
        return pool.get();
    }

    @Override
    public boolean alive() {
        return pool() != null;
    }

    @Override
    public int used() {
        HikariPool p = pool();
        return p == null ? UNKNOWN : p.getActiveConnections();
    }

    @Override
    public int idle() {
        HikariPool p = pool();
        return p == null ? UNKNOWN : p.getIdleConnections();
    }

    /** Hikari has no separate idle cap: every connection of the pool may be idle. */
    @Override
    public int idleMax() {
        return max();
    }

    @Override
    public int idleMin() {
        HikariPool p = pool();
        return p == null ? UNKNOWN : p.config.getMinimumIdle();
    }

    @Override
    public int max() {
        HikariPool p = pool();
        return p == null ? UNKNOWN : p.config.getMaximumPoolSize();
    }

    @Override
    public int pending() {
        HikariPool p = pool();
        return p == null ? UNKNOWN : p.getThreadsAwaitingConnection();
    }

    /** Hikari's extension point: it creates one tracker per pool and reports every event to it. */
    static final class Factory implements MetricsTrackerFactory {
        private final PoolRegistry.Pool registered;

        Factory(PoolRegistry.Pool registered) {
            this.registered = registered;
        }

        @Override
        public IMetricsTracker create(String poolName, PoolStats poolStats) {
            return new Tracker(registered);
        }
    }

    static final class Tracker implements IMetricsTracker {
        private final PoolRegistry.Pool registered;

        Tracker(PoolRegistry.Pool registered) {
            this.registered = registered;
        }

        @Override
        public void recordConnectionCreatedMillis(long millis) {
            registered.created(millis * 1_000_000L);
        }

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
            registered.waited(nanos);
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
            registered.used(millis * 1_000_000L);
        }

        @Override
        public void recordConnectionTimeout() {
            registered.timedOut();
        }
    }
}
