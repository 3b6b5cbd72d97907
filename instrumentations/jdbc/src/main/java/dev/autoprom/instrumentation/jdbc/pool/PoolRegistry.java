package dev.autoprom.instrumentation.jdbc.pool;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The started pools of every library, by unique name. A pool is registered when it starts and unregistered when
 * it closes (or when its object is garbage collected without being closed); its series appear and disappear
 * with it. Library pool objects are keys of a weak map: the agent never keeps a pool alive.
 *
 * <p>Names: the pool's own name; an unnamed pool gets the library's default ({@code HikariPool-1} is Hikari's
 * own; others get {@code <library>-<n>}). A second live pool with a name already in use is reported as
 * {@code name-2} (then {@code -3}, ...), with one warning.
 */
public final class PoolRegistry {

    private static final WeakIdentityMap<Pool> BY_OBJECT = new WeakIdentityMap<>();
    private static final Map<String, Pool> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> UNNAMED = new ConcurrentHashMap<>();

    private PoolRegistry() {}

    /** One registered pool: its name, its gauges, and the children its events record into. */
    public static final class Pool {
        public final String name;
        final PoolGauges gauges;
        private final CounterDataPoint timeouts;
        private final DistributionDataPoint createTime;
        private final DistributionDataPoint waitTime;
        private final DistributionDataPoint useTime;
        /** Connections handed out and not yet closed, as the agent saw them (for pools that do not count). */
        final AtomicInteger borrowedNow = new AtomicInteger();

        Pool(String name, PoolGauges gauges) {
            this.name = name;
            this.gauges = gauges;
            this.timeouts = PoolMetrics.TIMEOUTS.labelValues(name);
            this.createTime = PoolMetrics.CREATE_TIME.labelValues(name);
            this.waitTime = PoolMetrics.WAIT_TIME.labelValues(name);
            this.useTime = PoolMetrics.USE_TIME.labelValues(name);
        }

        /** Connections handed out through the instrumented getConnection and not yet closed. */
        public int borrowedNow() {
            return Math.max(0, borrowedNow.get());
        }

        public void timedOut() {
            timeouts.inc();
        }

        public void created(long nanos) {
            createTime.observe(nanos / 1e9);
        }

        public void waited(long nanos) {
            waitTime.observe(nanos / 1e9);
        }

        public void used(long nanos) {
            useTime.observe(nanos / 1e9);
        }

        /** A caller left getConnection, entered at {@code start}; {@code failure} is what it threw, if anything. */
        public void getConnectionDone(long start, Throwable failure) {
            waited(System.nanoTime() - start);
            if (failure != null && PoolTimeouts.isTimeout(failure)) {
                timedOut();
            }
        }

        private void removeSeries() {
            PoolMetrics.TIMEOUTS.remove(name);
            PoolMetrics.CREATE_TIME.remove(name);
            PoolMetrics.WAIT_TIME.remove(name);
            PoolMetrics.USE_TIME.remove(name);
        }
    }

    /**
     * Registers a started pool. {@code name} may be null or empty: then {@code defaultName} is used if given,
     * else {@code <library>-<n>}. Registering the same pool object twice returns the first registration.
     */
    public static Pool register(Object poolObject, String library, String name, PoolGauges gauges) {
        PoolMetrics.init();
        synchronized (BY_NAME) {
            Pool existing = BY_OBJECT.get(poolObject);
            if (existing != null) {
                return existing;
            }
            String unique = uniqueName(library, name);
            Pool pool = new Pool(unique, gauges);
            BY_NAME.put(unique, pool);
            BY_OBJECT.put(poolObject, pool);
            AgentLog.debug("jdbc pool started: " + library + " " + unique);
            return pool;
        }
    }

    /** Another object of the same pool (an inner pool, a factory) that events are reported through. */
    public static void alias(Object other, Pool pool) {
        if (other != null && pool != null) {
            BY_OBJECT.put(other, pool);
        }
    }

    /** The registered pool of this object (or alias), or null. */
    public static Pool of(Object poolObject) {
        return BY_OBJECT.get(poolObject);
    }

    /** The pool closed: its series disappear. */
    public static void unregister(Object poolObject) {
        Pool pool = BY_OBJECT.remove(poolObject);
        if (pool != null) {
            remove(pool);
        }
    }

    private static void remove(Pool pool) {
        synchronized (BY_NAME) {
            if (BY_NAME.remove(pool.name, pool)) {
                pool.removeSeries();
                AgentLog.debug("jdbc pool closed: " + pool.name);
            }
        }
    }

    /** Registered pools whose objects are alive; pools collected without being closed are dropped here. */
    static List<Pool> livePools() {
        List<Pool> live = new ArrayList<>(BY_NAME.size());
        for (Pool pool : BY_NAME.values()) {
            boolean alive;
            try {
                alive = pool.gauges.alive();
            } catch (Throwable t) {
                SelfMetrics.recordError("jdbc.pool", t);
                alive = false;
            }
            if (alive) {
                live.add(pool);
            } else {
                remove(pool);
            }
        }
        return live;
    }

    private static String uniqueName(String library, String name) {
        if (name == null || name.isEmpty()) {
            AtomicInteger counter = UNNAMED.computeIfAbsent(library, l -> new AtomicInteger());
            String candidate;
            do {
                candidate = library + '-' + counter.incrementAndGet();
            } while (BY_NAME.containsKey(candidate));
            return candidate;
        }
        if (!BY_NAME.containsKey(name)) {
            return name;
        }
        int n = 2;
        while (BY_NAME.containsKey(name + '-' + n)) {
            n++;
        }
        String unique = name + '-' + n;
        AgentLog.warnOnce(
                "jdbc-pool-name:" + name,
                "two open connection pools are named '" + name + "'; the later one is reported as '" + unique
                        + "' (give each pool its own name)");
        return unique;
    }
}
