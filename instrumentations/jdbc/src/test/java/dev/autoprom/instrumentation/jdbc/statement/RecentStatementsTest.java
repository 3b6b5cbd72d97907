package dev.autoprom.instrumentation.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.WeakIdentityMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The slot table in front of the weak map: closed statements leave no trace, open ones are never lost. */
class RecentStatementsTest {

    private static final DatabaseSeries DB = DatabaseSeries.of(DatabaseInfo.of(null, null));
    private static final StatementSeries SELECT = DB.statement("SELECT");
    private static final StatementSeries INSERT = DB.statement("INSERT");

    private final RecentStatements recent = new RecentStatements();
    private final WeakIdentityMap<StatementSeries> evicted = new WeakIdentityMap<>();

    @Test
    void preparedExecutedClosedLeavesNoEntryAnywhere() {
        Object statement = new Object();
        recent.put(statement, SELECT, evicted);
        assertThat(recent.get(statement)).isSameAs(SELECT);
        recent.closed(statement);
        assertThat(recent.get(statement)).isNull();
        assertThat(evicted.size()).isZero();
    }

    @Test
    void anOpenStatementDisplacedFromItsSlotMovesToTheWeakMap() {
        // more open statements than slots: every one is found, in its slot or in the weak map
        List<Object> open = new ArrayList<>();
        for (int i = 0; i < RecentStatements.SLOTS * 4; i++) {
            Object statement = new Object();
            open.add(statement);
            recent.put(statement, i % 2 == 0 ? SELECT : INSERT, evicted);
        }
        for (int i = 0; i < open.size(); i++) {
            Object statement = open.get(i);
            StatementSeries found = recent.get(statement);
            if (found == null) {
                found = evicted.get(statement);
            }
            assertThat(found).as("statement %d", i).isSameAs(i % 2 == 0 ? SELECT : INSERT);
        }
        assertThat(evicted.size()).isGreaterThanOrEqualTo(open.size() - RecentStatements.SLOTS);
    }

    @Test
    void aStatementPreparedOnOneThreadIsFoundOnAnother() throws Exception {
        Object statement = new Object();
        recent.put(statement, SELECT, evicted);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(() -> recent.get(statement)).get(10, TimeUnit.SECONDS))
                    .isSameAs(SELECT);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void concurrentPreparesNeverLoseOrMixUpAnOpenStatement() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                StatementSeries mine = t % 2 == 0 ? SELECT : INSERT;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    Object[] kept = new Object[16];
                    for (int i = 0; i < perThread; i++) {
                        Object statement = new Object();
                        recent.put(statement, mine, evicted);
                        StatementSeries found = recent.get(statement);
                        if (found == null) {
                            found = evicted.get(statement);
                        }
                        if (found != mine) {
                            wrong++;
                        }
                        if (i % 3 == 0) {
                            kept[i & 15] = statement; // left open, as a pool's cached statement
                        } else {
                            recent.closed(statement);
                        }
                    }
                    for (Object statement : kept) {
                        StatementSeries found = recent.get(statement);
                        if ((found == null ? evicted.get(statement) : found) != mine) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
