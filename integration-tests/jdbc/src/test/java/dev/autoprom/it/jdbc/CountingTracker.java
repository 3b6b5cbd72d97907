package dev.autoprom.it.jdbc;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An application's own Hikari tracker: counts what Hikari reports to it. */
final class CountingTracker implements IMetricsTracker {

    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger used = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void recordConnectionAcquiredNanos(long nanos) {
        acquired.incrementAndGet();
    }

    @Override
    public void recordConnectionUsageMillis(long millis) {
        used.incrementAndGet();
    }

    @Override
    public void recordConnectionTimeout() {
        timeouts.incrementAndGet();
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }

    /** The application's factory: remembers every tracker Hikari asked it for. */
    static final class Factory implements MetricsTrackerFactory {
        final List<CountingTracker> trackers = new CopyOnWriteArrayList<>();

        @Override
        public IMetricsTracker create(String poolName, PoolStats poolStats) {
            CountingTracker tracker = new CountingTracker();
            trackers.add(tracker);
            return tracker;
        }

        /** The sums over every tracker made (one, unless Hikari asked again). */
        CountingTracker total() {
            CountingTracker total = new CountingTracker();
            for (CountingTracker t : trackers) {
                total.acquired.addAndGet(t.acquired.get());
                total.used.addAndGet(t.used.get());
                total.timeouts.addAndGet(t.timeouts.get());
                total.closed.addAndGet(t.closed.get());
            }
            return total;
        }
    }
}
