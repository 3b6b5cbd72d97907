package dev.autoprom.instrumentation.jdbc.hikari.bridge;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.jdbc.pool.PoolRegistry;

/**
 * One pool's tracker: each event is recorded by the agent first (its failures are counted, never thrown), then
 * passed to the application's tracker, if any, whose behaviour (and exceptions) Hikari sees unchanged.
 */
final class ChainedTracker implements IMetricsTracker {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final PoolRegistry.Pool registered;
    /** The application's tracker, or null. */
    private final IMetricsTracker application;

    ChainedTracker(PoolRegistry.Pool registered, IMetricsTracker application) {
        this.registered = registered;
        this.application = application;
    }

    @Override
    public void recordConnectionCreatedMillis(long millis) {
        try {
            registered.created(millis * NANOS_PER_MILLI);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
        if (application != null) {
            application.recordConnectionCreatedMillis(millis);
        }
    }

    @Override
    public void recordConnectionAcquiredNanos(long nanos) {
        try {
            registered.waited(nanos);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
        if (application != null) {
            application.recordConnectionAcquiredNanos(nanos);
        }
    }

    @Override
    public void recordConnectionUsageMillis(long millis) {
        try {
            registered.used(millis * NANOS_PER_MILLI);
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
        if (application != null) {
            application.recordConnectionUsageMillis(millis);
        }
    }

    @Override
    public void recordConnectionTimeout() {
        try {
            registered.timedOut();
        } catch (Throwable t) {
            SelfMetrics.recordError("jdbc.pool", t);
        }
        if (application != null) {
            application.recordConnectionTimeout();
        }
    }

    /** Hikari closes the tracker when the pool shuts down: the application's releases its meters. */
    @Override
    public void close() {
        if (application != null) {
            application.close();
        }
    }
}
