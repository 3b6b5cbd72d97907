package dev.autoprom.instrumentation.jdbc.hikari.bridge;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.autoprom.api.AgentLog;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;
import java.util.function.BiFunction;

/**
 * Builds the factory the pool gets instead of the one it was given: the agent's recording chained in front of
 * the application's factory (or alone, when none was given). A factory that is already a chain is returned as
 * it is, so a pool handed its own chain back never records twice.
 */
public final class TrackerChain implements BiFunction<PoolRegistry.Pool, Object, Object> {

    @Override
    public Object apply(PoolRegistry.Pool registered, Object given) {
        if (given instanceof ChainedTrackerFactory) {
            return given;
        }
        MetricsTrackerFactory application = (MetricsTrackerFactory) given;
        if (application != null) {
            AgentLog.debug("HikariCP pool " + registered.name + ": autoprom records beside the application's "
                    + application.getClass().getName());
        }
        return new ChainedTrackerFactory(registered, application);
    }
}
