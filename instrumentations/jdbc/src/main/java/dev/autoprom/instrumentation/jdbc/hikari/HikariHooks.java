package dev.autoprom.instrumentation.jdbc.hikari;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.jdbc.pool.PoolHooks;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.util.function.BiFunction;

/**
 * What {@link TrackerFactoryAdvice} calls with plain objects: registers the pool if this is the first time it is
 * seen (the constructor sets its tracker before it returns), then asks the Hikari-side bridge for the chained
 * factory. Runs once per tracker change, never per connection.
 */
public final class HikariHooks {

    /** Chains a tracker factory with the agent's; without it the application's factory stays as it is. */
    private static final Bridge<BiFunction<PoolRegistry.Pool, Object, Object>> CHAIN = Bridge.of(
            chainRole(),
            "dev.autoprom.instrumentation.jdbc.hikari.bridge.TrackerChain",
            "jdbc.pool",
            (pool, factory) -> factory);

    private HikariHooks() {}

    /** The factory to install instead of {@code applicationFactory} (which may be null); never throws. */
    public static Object chain(Object pool, Object applicationFactory) {
        try {
            PoolHooks.started(pool, HikariInstrumentation.POOL_REGISTRAR);
            PoolRegistry.Pool registered = PoolRegistry.of(pool);
            if (registered == null) {
                return applicationFactory;
            }
            return CHAIN.get(pool.getClass()).apply(registered, applicationFactory);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
            return applicationFactory;
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiFunction<PoolRegistry.Pool, Object, Object>> chainRole() {
        return (Class<BiFunction<PoolRegistry.Pool, Object, Object>>) (Class<?>) BiFunction.class;
    }
}
