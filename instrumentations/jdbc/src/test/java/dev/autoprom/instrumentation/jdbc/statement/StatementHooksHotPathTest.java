package dev.autoprom.instrumentation.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The execute path of a known statement allocates nothing: thread-local depth, weak-map lookup with a reused
 * probe, cached child, one observation. Measured with the JVM's per-thread allocation counter after warm-up.
 */
class StatementHooksHotPathTest {

    private static final int CALLS = Integer.getInteger("hotpath.calls", 200_000);

    @Test
    void preparedAndPlainExecutesAllocateNothing() {
        Object connection = new Object(); // not a java.sql.Connection: the metadata lookup falls back to other_sql
        Object prepared = new Object();
        Object plain = new Object();
        StatementHooks.prepareEnter();
        StatementHooks.prepareExit(connection, prepared, "SELECT * FROM t WHERE id = ?");
        StatementHooks.prepareEnter();
        StatementHooks.prepareExit(connection, plain, null);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Until C2 has compiled it, the Prometheus client's observe() allocates a short-lived object per call
        // (escape analysis removes it later): measure rounds until the compiled steady state is reached.
        long allocated = Long.MAX_VALUE;
        long nanosPerCall = 0;
        for (int round = 0; round < 15 && allocated >= 2048; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            run(prepared, plain);
            nanosPerCall = (System.nanoTime() - start) / (2L * CALLS);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        System.out.println("statement hot path: " + nanosPerCall + " ns per recorded call, " + allocated
                + " bytes allocated over " + 2 * CALLS + " calls");
        // a few hundred bytes of slack for the measurement itself, never per call
        assertThat(allocated).isLessThan(2048);
    }

    @Test
    void prepareExecuteCloseOnOneThreadAllocatesNothing() {
        Object connection = new Object();
        Object[] statements = new Object[16];
        for (int i = 0; i < statements.length; i++) {
            statements[i] = new Object();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 15 && allocated >= 2048; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS; i++) {
                Object statement = statements[i & 15];
                StatementHooks.prepareEnter();
                StatementHooks.prepareExit(connection, statement, "SELECT * FROM t WHERE id = ?");
                long start = StatementHooks.enter();
                StatementHooks.exit(statement, null, false, start, null, null);
                StatementHooks.closed(statement);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        // the weak map's key and node (64 B per prepare before RecentStatements) would be megabytes here
        assertThat(allocated).isLessThan(2048);
    }

    private static void run(Object prepared, Object plain) {
        for (int i = 0; i < CALLS; i++) {
            long start = StatementHooks.enter();
            long nested = StatementHooks.enter(); // the driver's statement inside a pool's proxy
            StatementHooks.exit(prepared, null, false, nested, null, null);
            StatementHooks.exit(prepared, null, false, start, null, null);
            start = StatementHooks.enter();
            StatementHooks.exit(plain, "UPDATE t SET a = 1", false, start, null, null);
        }
    }
}
