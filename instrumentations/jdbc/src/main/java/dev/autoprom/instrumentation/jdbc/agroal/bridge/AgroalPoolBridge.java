package dev.autoprom.instrumentation.jdbc.agroal.bridge;

import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import io.agroal.pool.ConnectionPool;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;

/**
 * Registers an Agroal {@link ConnectionPool}. Agroal pools have no name (Quarkus names its data sources, not
 * the pool): they are {@code agroal-<n>}. Agroal has no idle cap: idle max is the max size. Connections taken
 * with {@code getReadOnlyConnection()} or through a transaction's enlisted connection are not counted as used.
 */
public final class AgroalPoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<ConnectionPool> pool;
    private PoolRegistry.Pool registered;

    @Override
    public void accept(Object started) {
        ConnectionPool connectionPool = (ConnectionPool) started;
        pool = new WeakReference<>(connectionPool);
        registered = PoolRegistry.register(connectionPool, "agroal", null, this);
    }

    private ConnectionPool pool() {
        return pool.get();
    }

    @Override
    public boolean alive() {
        return pool() != null;
    }

    /** Agroal counts active connections only with its own metrics enabled: the agent counts its borrows. */
    @Override
    public int used() {
        return pool() == null ? UNKNOWN : registered.borrowedNow();
    }

    /** Every connection of the pool ({@code availableCount + activeCount}) less the used ones. */
    @Override
    public int idle() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : Math.max(0, (int) (p.availableCount() + p.activeCount()) - used());
    }

    @Override
    public int idleMax() {
        return max();
    }

    @Override
    public int idleMin() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : p.getConfiguration().minSize();
    }

    @Override
    public int max() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : p.getConfiguration().maxSize();
    }

    @Override
    public int pending() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : (int) p.awaitingCount();
    }

    /** Made once per library class loader by the instrumentation's {@code Bridge}; one bridge per pool. */
    public static final class Registrar implements PoolRegistrar {
        @Override
        public void register(Object pool) {
            new AgroalPoolBridge().accept(pool);
        }
    }
}
