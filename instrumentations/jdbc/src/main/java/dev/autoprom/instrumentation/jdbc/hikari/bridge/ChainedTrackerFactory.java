package dev.autoprom.instrumentation.jdbc.hikari.bridge;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;

/**
 * Hikari's extension point, installed on the pool in place of the application's factory (which stays in the
 * pool's configuration, where the application and frameworks look for it). The application's factory is asked
 * for its tracker exactly as Hikari would have asked it, with the same arguments; what it throws reaches
 * Hikari unchanged.
 */
final class ChainedTrackerFactory implements MetricsTrackerFactory {

    private final PoolRegistry.Pool registered;
    /** The application's factory, or null when it set none. */
    private final MetricsTrackerFactory application;

    ChainedTrackerFactory(PoolRegistry.Pool registered, MetricsTrackerFactory application) {
        this.registered = registered;
        this.application = application;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        IMetricsTracker applicationTracker = application == null ? null : application.create(poolName, poolStats);
        return new ChainedTracker(registered, applicationTracker);
    }
}
