package dev.autoprom.instrumentation.jdbc.dbcp2.bridge;

import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.lang.ref.WeakReference;
import java.util.function.Consumer;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * Registers a started {@link BasicDataSource}. DBCP2 pools have no name; one set through {@code jmxName}
 * ({@code ...:name=orders}) is used, otherwise {@code dbcp2-<n>}. The factory is registered as an alias, so its
 * makeObject() reports create time to this pool.
 */
public final class Dbcp2PoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<BasicDataSource> dataSource;
    private WeakReference<GenericObjectPool<?>> innerPool = new WeakReference<>(null);

    @Override
    public void accept(Object started) {
        BasicDataSource ds = (BasicDataSource) started;
        if (ds.isClosed()) {
            return;
        }
        dataSource = new WeakReference<>(ds);
        PoolRegistry.Pool pool = PoolRegistry.register(ds, "dbcp2", nameOf(ds.getJmxName()), this);
        GenericObjectPool<?> inner = ds.getConnectionPool();
        if (inner != null) {
            innerPool = new WeakReference<>(inner);
            PoolRegistry.alias(inner.getFactory(), pool);
        }
    }

    /** The {@code name} key of a JMX object name, or null. */
    static String nameOf(String jmxName) {
        if (jmxName == null) {
            return null;
        }
        int start = jmxName.indexOf("name=");
        if (start < 0) {
            return null;
        }
        int end = jmxName.indexOf(',', start);
        return jmxName.substring(start + 5, end < 0 ? jmxName.length() : end);
    }

    private BasicDataSource ds() {
        return dataSource.get();
    }

    @Override
    public boolean alive() {
        return ds() != null;
    }

    @Override
    public int used() {
        BasicDataSource ds = ds();
        return ds == null ? UNKNOWN : ds.getNumActive();
    }

    @Override
    public int idle() {
        BasicDataSource ds = ds();
        return ds == null ? UNKNOWN : ds.getNumIdle();
    }

    @Override
    public int idleMax() {
        BasicDataSource ds = ds();
        return ds == null ? UNKNOWN : ds.getMaxIdle();
    }

    @Override
    public int idleMin() {
        BasicDataSource ds = ds();
        return ds == null ? UNKNOWN : ds.getMinIdle();
    }

    @Override
    public int max() {
        BasicDataSource ds = ds();
        return ds == null ? UNKNOWN : ds.getMaxTotal();
    }

    @Override
    public int pending() {
        GenericObjectPool<?> pool = innerPool.get();
        return pool == null ? UNKNOWN : pool.getNumWaiters();
    }

    /** Made once per library class loader by the instrumentation's {@code Bridge}; one bridge per pool. */
    public static final class Registrar implements PoolRegistrar {
        @Override
        public void register(Object pool) {
            new Dbcp2PoolBridge().accept(pool);
        }
    }
}
