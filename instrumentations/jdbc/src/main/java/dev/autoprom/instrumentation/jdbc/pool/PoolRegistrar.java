package dev.autoprom.instrumentation.jdbc.pool;

/**
 * The role of a pool library's bridge ({@code <library>.bridge.<Library>PoolBridge$Registrar}): registers a pool
 * that just started, with a new per-pool bridge that reads the library's gauges live. Reached through a
 * {@link dev.autoprom.api.Bridge} held by the library's instrumentation.
 */
public interface PoolRegistrar {

    /** What a pool library whose bridge cannot be made gets: its pools are not registered. */
    PoolRegistrar NONE = pool -> {};

    void register(Object pool);

    /** The bridge for a pool library's registrar class. */
    static dev.autoprom.api.Bridge<PoolRegistrar> bridge(String className) {
        return dev.autoprom.api.Bridge.of(PoolRegistrar.class, className, "jdbc.pool", NONE);
    }
}
