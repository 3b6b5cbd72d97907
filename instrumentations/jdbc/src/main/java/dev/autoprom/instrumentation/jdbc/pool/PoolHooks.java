package dev.autoprom.instrumentation.jdbc.pool;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;

/**
 * What the pool advice calls, with plain objects. {@link #started} hands the library's pool to the library's
 * bridge class (which can call the library), the other methods record events of a registered pool. Every
 * method catches everything: a pool must never fail because of the agent.
 */
public final class PoolHooks {

    /** Connections handed out by getConnection and not yet closed: borrow time, per pool. */
    private static final WeakIdentityMap<Borrow> BORROWED = new WeakIdentityMap<>();

    private PoolHooks() {}

    private static final class Borrow {
        final PoolRegistry.Pool pool;
        final long start;

        Borrow(PoolRegistry.Pool pool, long start) {
            this.pool = pool;
            this.start = start;
        }
    }

    /** The pool started: its library's registrar registers it (once). */
    public static void started(Object poolObject, Bridge<PoolRegistrar> registrar) {
        try {
            if (poolObject == null || PoolRegistry.of(poolObject) != null) {
                return;
            }
            registrar.get(poolObject.getClass()).register(poolObject);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }

    public static void closed(Object poolObject) {
        try {
            PoolRegistry.unregister(poolObject);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }

    /**
     * Exit of getConnection, entered at {@code start} ({@code System.nanoTime()}): wait time, timeout, and the
     * borrow of {@code connection} that {@link #connectionClosed} ends (null when the library's returned
     * connection cannot be instrumented and the library reports {@link #borrowed} itself).
     */
    public static void getConnectionExit(Object poolObject, long start, Object connection, Throwable failure) {
        try {
            PoolRegistry.Pool pool = PoolRegistry.of(poolObject);
            if (pool == null) {
                return;
            }
            pool.getConnectionDone(start, failure);
            if (connection != null) {
                borrow(pool, connection);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }

    /** The library handed out {@code connection} (its own pooled-connection object), for use time. */
    public static void borrowed(Object poolObject, Object connection) {
        try {
            PoolRegistry.Pool pool = PoolRegistry.of(poolObject);
            if (pool != null && connection != null) {
                borrow(pool, connection);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }

    private static void borrow(PoolRegistry.Pool pool, Object connection) {
        if (BORROWED.get(connection) == null) {
            BORROWED.put(connection, new Borrow(pool, System.nanoTime()));
            pool.borrowedNow.incrementAndGet();
        }
    }

    /** A connection handed out by a registered pool was closed (returned): its use time. */
    public static void connectionClosed(Object connection) {
        try {
            Borrow borrow = BORROWED.remove(connection);
            if (borrow != null) {
                borrow.pool.borrowedNow.decrementAndGet();
                borrow.pool.used(System.nanoTime() - borrow.start);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }

    /** A physical connection was created for the pool registered under {@code poolObject} (or an alias). */
    public static void connectionCreated(Object poolObject, long nanos) {
        try {
            PoolRegistry.Pool pool = PoolRegistry.of(poolObject);
            if (pool != null) {
                pool.created(nanos);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
    }
}
