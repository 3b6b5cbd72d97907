package dev.autoprom.instrumentation.jdbc.hikari.bridge;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;

/**
 * Registers a {@link HikariPool} (given to {@link #accept}) and reads its gauges live from the pool (Hikari's
 * {@code PoolStats} are cached for a second); the pool is held weakly. Its events come through the tracker
 * chain ({@link TrackerChain}), installed whenever the pool is given a tracker factory.
 */
public final class HikariPoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<HikariPool> pool;

    @Override
    public void accept(Object started) {
        HikariPool hikariPool = (HikariPool) started;
        this.pool = new WeakReference<>(hikariPool);
        HikariConfig config = hikariPool.config;
        PoolRegistry.register(hikariPool, "HikariPool", config.getPoolName(), this);
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

    /** Made once per library class loader by the instrumentation's {@code Bridge}; one bridge per pool. */
    public static final class Registrar implements PoolRegistrar {
        @Override
        public void register(Object pool) {
            new HikariPoolBridge().accept(pool);
        }
    }
}
