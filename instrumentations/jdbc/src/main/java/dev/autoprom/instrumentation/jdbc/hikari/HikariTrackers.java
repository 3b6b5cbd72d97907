package dev.autoprom.instrumentation.jdbc.hikari;

import dev.autoprom.api.BridgeClasses;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.jdbc.pool.PoolLifecycle;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.util.function.BiFunction;

/**
 * What {@link TrackerFactoryAdvice} calls with plain objects: registers the pool if this is the first time it is
 * seen (the constructor sets its tracker before it returns), then asks the Hikari-side bridge for the chained
 * factory. Runs once per tracker change, never per connection.
 */
public final class HikariTrackers {

    static final String POOL_BRIDGE = "dev.autoprom.instrumentation.jdbc.hikari.bridge.HikariPoolBridge";
    private static final String CHAIN_BRIDGE = "dev.autoprom.instrumentation.jdbc.hikari.bridge.TrackerChain";

    private HikariTrackers() {
    }

    /** The factory to install instead of {@code applicationFactory} (which may be null); never throws. */
    public static Object chain(Object pool, Object applicationFactory) {
        try {
            PoolLifecycle.started(pool, POOL_BRIDGE);
            PoolRegistry.Pool registered = PoolRegistry.of(pool);
            if (registered == null) {
                return applicationFactory;
            }
            @SuppressWarnings("unchecked")
            BiFunction<PoolRegistry.Pool, Object, Object> chain = (BiFunction<PoolRegistry.Pool, Object, Object>)
                    BridgeClasses.newInstance(pool.getClass(), CHAIN_BRIDGE);
            return chain.apply(registered, applicationFactory);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
            return applicationFactory;
        }
    }
}
