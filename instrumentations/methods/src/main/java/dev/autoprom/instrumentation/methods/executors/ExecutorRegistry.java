package dev.autoprom.instrumentation.methods.executors;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.WeakIdentityMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executors seen so far, keyed weakly by identity. An executor is registered when its first worker thread
 * starts (the first moment its threads' name exists), not per task; it leaves the registry at the first scrape
 * after it has terminated or been collected. Distinct names are capped at {@code autoprom.cardinality.limit};
 * further pools are reported under {@value CappedSeries#OVERFLOW}.
 */
final class ExecutorRegistry {

    private static final WeakIdentityMap<PoolRecord> POOLS = new WeakIdentityMap<>();
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    private ExecutorRegistry() {}

    static PoolRecord find(Object executor) {
        return POOLS.get(executor);
    }

    /** Registers {@code executor} if it is new; the agent's own executors are remembered as excluded. */
    static void register(Object executor, ExecutorProbe probe, String threadName, boolean forkJoin) {
        synchronized (POOLS) {
            if (POOLS.get(executor) != null) {
                return;
            }
            if (isAgents(probe.threadFactory(executor), threadName)) {
                POOLS.put(executor, PoolRecord.EXCLUDED);
                return;
            }
            String name = forkJoin ? PoolNames.ofForkJoinPool(threadName) : PoolNames.ofThreadPool(threadName);
            if (!NAMES.contains(name)) {
                if (NAMES.size() >= AgentMetrics.seriesLimit()) {
                    name = CappedSeries.OVERFLOW;
                } else {
                    NAMES.add(name);
                }
            }
            POOLS.put(executor, new PoolRecord(executor, name, probe));
        }
        ExecutorMetrics.ensureRegistered();
    }

    /**
     * The agent's exporter pool and anything else it starts: a thread factory of the agent's (its classes are on
     * the bootstrap class path; the demo's, in the same namespace, are not), or threads it names autoprom-.
     */
    private static boolean isAgents(Object threadFactory, String threadName) {
        return (threadFactory != null
                        && threadFactory.getClass().getClassLoader() == null
                        && threadFactory.getClass().getName().startsWith("dev.autoprom."))
                || (threadName != null && threadName.startsWith("autoprom"));
    }

    /** The live executors; terminated or collected ones are removed here, at scrape time. */
    static List<Live> live() {
        List<Live> result = new ArrayList<>();
        for (PoolRecord record : POOLS.values()) {
            if (record == PoolRecord.EXCLUDED) {
                continue;
            }
            Object executor = record.live();
            if (executor == null) {
                Object stillThere = record.executorOrNull();
                if (stillThere != null) {
                    POOLS.remove(stillThere);
                }
                continue;
            }
            result.add(new Live(record, executor));
        }
        return result;
    }

    /** A record with its executor held strongly for the length of one scrape. */
    static final class Live {
        final PoolRecord record;
        final Object executor;

        Live(PoolRecord record, Object executor) {
            this.record = record;
            this.executor = executor;
        }
    }
}
