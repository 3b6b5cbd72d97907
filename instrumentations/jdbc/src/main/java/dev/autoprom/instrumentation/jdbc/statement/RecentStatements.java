package dev.autoprom.instrumentation.jdbc.statement;

import dev.autoprom.api.WeakIdentityMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Where a just-prepared statement is kept until it is closed, so that the common pattern (prepare, execute,
 * close, on one thread) never creates a weak-map entry: no allocation, and no weak reference for the GC to
 * process once the statement dies (JFR named that entry the JDBC family's hottest spot).
 *
 * <p>A small direct-mapped table indexed by the statement's identity hash, shared by all threads, so a statement
 * that a pool caches and hands to another thread (DBCP2's or c3p0's statement cache) is found wherever it is
 * executed. A statement leaves its slot when it is closed (nothing else to do) or when a newer statement needs
 * the slot: then, still open, it moves to the weak map ({@link #evictInto}), which keeps it for as long as the
 * application does. So at most {@link #SLOTS} open statements are held strongly, and only until they are
 * closed or displaced.
 *
 * <p>Writers of a slot (prepare, close) take the slot's lock; readers take none. A reader checks the slot before
 * the weak map and an eviction writes the weak map before it clears the slot, so a statement moving from one to
 * the other is always found in one of them.
 */
final class RecentStatements {

    /** Power of two. Enough for the statements that are open at once on a busy server. */
    static final int SLOTS = 256;

    private static final VarHandle STATEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] statements = new Object[SLOTS];
    private final StatementSeries[] series = new StatementSeries[SLOTS];
    private final Object[] locks = new Object[SLOTS];

    RecentStatements() {
        for (int i = 0; i < SLOTS; i++) {
            locks[i] = new Object();
        }
    }

    private static int slot(Object statement) {
        int h = System.identityHashCode(statement);
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** Keeps {@code statement}; an open statement that had its slot moves to {@code evictInto}. */
    void put(Object statement, StatementSeries value, WeakIdentityMap<StatementSeries> evictInto) {
        int i = slot(statement);
        synchronized (locks[i]) {
            Object previous = statements[i];
            if (previous != null && previous != statement) {
                evictInto.put(previous, series[i]);
            }
            // cleared first: a reader that sees the new statement also sees its series (release/acquire)
            STATEMENT.setRelease(statements, i, (Object) null);
            VarHandle.storeStoreFence();
            series[i] = value;
            STATEMENT.setRelease(statements, i, statement);
        }
    }

    /** The series of {@code statement} if it is in its slot, else null. */
    StatementSeries get(Object statement) {
        int i = slot(statement);
        if (STATEMENT.getAcquire(statements, i) != statement) {
            return null;
        }
        StatementSeries value = series[i];
        // re-read: the slot may have been taken over between the two reads
        VarHandle.loadLoadFence();
        return STATEMENT.getAcquire(statements, i) == statement ? value : null;
    }

    /** A statement was closed: its slot is freed, with no trace left anywhere. */
    void closed(Object statement) {
        int i = slot(statement);
        if (STATEMENT.getAcquire(statements, i) != statement) {
            return;
        }
        synchronized (locks[i]) {
            if (statements[i] == statement) {
                STATEMENT.setRelease(statements, i, (Object) null);
                series[i] = null;
            }
        }
    }
}
