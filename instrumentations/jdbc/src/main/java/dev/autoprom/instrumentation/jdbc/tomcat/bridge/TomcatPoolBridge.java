package dev.autoprom.instrumentation.jdbc.tomcat.bridge;

import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import org.apache.tomcat.jdbc.pool.ConnectionPool;
import org.apache.tomcat.jdbc.pool.PoolConfiguration;

/** Registers a Tomcat JDBC {@link ConnectionPool} under its name (default {@code Tomcat Connection Pool[...]}). */
public final class TomcatPoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<ConnectionPool> pool;

    @Override
    public void accept(Object started) {
        ConnectionPool connectionPool = (ConnectionPool) started;
        pool = new WeakReference<>(connectionPool);
        PoolRegistry.register(
                connectionPool,
                "tomcat-jdbc",
                connectionPool.getPoolProperties().getName(),
                this);
    }

    private ConnectionPool pool() {
        return pool.get();
    }

    private PoolConfiguration config() {
        ConnectionPool p = pool();
        return p == null ? null : p.getPoolProperties();
    }

    @Override
    public boolean alive() {
        return pool() != null;
    }

    @Override
    public int used() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : p.getActive();
    }

    @Override
    public int idle() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : p.getIdle();
    }

    @Override
    public int idleMax() {
        PoolConfiguration c = config();
        return c == null ? UNKNOWN : c.getMaxIdle();
    }

    @Override
    public int idleMin() {
        PoolConfiguration c = config();
        return c == null ? UNKNOWN : c.getMinIdle();
    }

    @Override
    public int max() {
        PoolConfiguration c = config();
        return c == null ? UNKNOWN : c.getMaxActive();
    }

    @Override
    public int pending() {
        ConnectionPool p = pool();
        return p == null ? UNKNOWN : p.getWaitCount();
    }

    /** Made once per library class loader by the instrumentation's {@code Bridge}; one bridge per pool. */
    public static final class Registrar implements PoolRegistrar {
        @Override
        public void register(Object pool) {
            new TomcatPoolBridge().accept(pool);
        }
    }
}
