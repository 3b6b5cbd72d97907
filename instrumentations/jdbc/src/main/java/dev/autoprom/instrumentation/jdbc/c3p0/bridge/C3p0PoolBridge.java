package dev.autoprom.instrumentation.jdbc.c3p0.bridge;

import com.mchange.v2.c3p0.AbstractComboPooledDataSource;
import com.mchange.v2.c3p0.PooledDataSource;
import com.mchange.v2.c3p0.impl.AbstractPoolBackedDataSource;
import dev.autoprom.instrumentation.jdbc.pool.PoolGauges;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistrar;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Registers a c3p0 {@link PooledDataSource} under its {@code dataSourceName} (c3p0's default is its identity
 * token). Counts are the default user's pool (the one getConnection() uses). c3p0 has no idle cap: idle max is
 * the max pool size.
 */
public final class C3p0PoolBridge implements Consumer<Object>, PoolGauges {

    private WeakReference<PooledDataSource> dataSource;

    @Override
    public void accept(Object started) {
        PooledDataSource ds = (PooledDataSource) started;
        if (isClosed(ds)) {
            return;
        }
        dataSource = new WeakReference<>(ds);
        PoolRegistry.Pool registered = PoolRegistry.register(ds, "c3p0", ds.getDataSourceName(), this);
        // create time arrives from the pools' resource managers, which name only this object; it outlives the
        // pool manager that c3p0 replaces when a running data source is reconfigured
        if (ds instanceof AbstractPoolBackedDataSource) {
            PoolRegistry.alias(((AbstractPoolBackedDataSource) ds).getConnectionPoolDataSource(), registered);
        }
    }

    /** c3p0 has no public isClosed(); a getConnection on a closed data source must not register it again. */
    private static boolean isClosed(PooledDataSource ds) {
        try {
            Field closed = AbstractPoolBackedDataSource.class.getDeclaredField("is_closed");
            closed.setAccessible(true);
            return ds instanceof AbstractPoolBackedDataSource && closed.getBoolean(ds);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private interface Read {
        int from(PooledDataSource ds) throws SQLException;
    }

    private int read(Read read) {
        PooledDataSource ds = dataSource.get();
        if (ds == null) {
            return UNKNOWN;
        }
        try {
            return read.from(ds);
        } catch (SQLException e) {
            return UNKNOWN;
        }
    }

    private int config(boolean max) {
        PooledDataSource ds = dataSource.get();
        if (!(ds instanceof AbstractComboPooledDataSource)) {
            return UNKNOWN;
        }
        AbstractComboPooledDataSource combo = (AbstractComboPooledDataSource) ds;
        return max ? combo.getMaxPoolSize() : combo.getMinPoolSize();
    }

    @Override
    public boolean alive() {
        return dataSource.get() != null;
    }

    @Override
    public int used() {
        return read(PooledDataSource::getNumBusyConnectionsDefaultUser);
    }

    @Override
    public int idle() {
        return read(PooledDataSource::getNumIdleConnectionsDefaultUser);
    }

    @Override
    public int idleMax() {
        return config(true);
    }

    @Override
    public int idleMin() {
        return config(false);
    }

    @Override
    public int max() {
        return config(true);
    }

    @Override
    public int pending() {
        return read(PooledDataSource::getNumThreadsAwaitingCheckoutDefaultUser);
    }

    /** Made once per library class loader by the instrumentation's {@code Bridge}; one bridge per pool. */
    public static final class Registrar implements PoolRegistrar {
        @Override
        public void register(Object pool) {
            new C3p0PoolBridge().accept(pool);
        }
    }
}
