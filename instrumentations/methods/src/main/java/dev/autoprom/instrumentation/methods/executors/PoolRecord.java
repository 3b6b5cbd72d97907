package dev.autoprom.instrumentation.methods.executors;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.LongAdder;

/** One registered executor: held weakly, with its name, how to read it, and the rejections the agent counted. */
final class PoolRecord {

    /** The value for an executor the agent leaves alone (its own), so that it is judged once. */
    static final PoolRecord EXCLUDED = new PoolRecord(null, null, ExecutorProbe.NONE);

    private final WeakReference<Object> executor;
    final String name;
    final ExecutorProbe probe;
    final LongAdder rejected = new LongAdder();

    PoolRecord(Object executor, String name, ExecutorProbe probe) {
        this.executor = new WeakReference<>(executor);
        this.name = name;
        this.probe = probe;
    }

    Object executorOrNull() {
        return executor.get();
    }

    /** The executor while it runs; null once it is collected or has terminated. */
    Object live() {
        Object e = executor.get();
        if (e == null || probe.isTerminated(e)) {
            return null;
        }
        return e;
    }
}
