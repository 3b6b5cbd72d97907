package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;

/**
 * What the method advice calls. The key is the method's {@code class.nameDescriptor}, a constant of the
 * instrumented code; the record was built when the class was transformed. Per call: one map read on entry and
 * one on exit (the key is the very string the map holds, so the lookup compares references), the clock twice,
 * and the cached series. Never throws.
 */
public final class MethodHooks {

    private MethodHooks() {}

    public static long enter(String key) {
        try {
            MethodRecord record = MethodSpecs.record(key);
            if (record == null) {
                return Timing.NOT_STARTED;
            }
            record.entered();
            return Timing.start();
        } catch (Throwable t) {
            SelfMetrics.recordError("methods", t);
            return Timing.NOT_STARTED;
        }
    }

    public static void exit(String key, long start, Throwable thrown) {
        if (start == Timing.NOT_STARTED) {
            return;
        }
        try {
            long nanos = System.nanoTime() - start;
            MethodRecord record = MethodSpecs.record(key);
            if (record != null) {
                record.exited(nanos, thrown, null);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError("methods", t);
        }
    }

    /** For methods whose labels come from their arguments: the labels are taken on entry. */
    public static Object enterWithArguments(String key, Object[] arguments) {
        try {
            MethodRecord record = MethodSpecs.record(key);
            if (record == null) {
                return null;
            }
            String[][] labels = record.argumentValues(arguments);
            record.entered();
            return new Call(record, labels, Timing.start());
        } catch (Throwable t) {
            SelfMetrics.recordError("methods", t);
            return null;
        }
    }

    public static void exitWithArguments(Object call, Throwable thrown) {
        if (!(call instanceof Call)) {
            return;
        }
        try {
            Call c = (Call) call;
            c.record.exited(System.nanoTime() - c.start, thrown, c.labels);
        } catch (Throwable t) {
            SelfMetrics.recordError("methods", t);
        }
    }

    /** One call of a method with argument labels, from entry to exit. */
    private static final class Call {
        final MethodRecord record;
        final String[][] labels;
        final long start;

        Call(MethodRecord record, String[][] labels, long start) {
            this.record = record;
            this.labels = labels;
            this.start = start;
        }
    }
}
