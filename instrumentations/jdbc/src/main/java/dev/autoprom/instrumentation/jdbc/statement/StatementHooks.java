package dev.autoprom.instrumentation.jdbc.statement;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import dev.autoprom.api.WeakIdentityMap;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * Records {@code db_client_operation_duration_seconds}. Called by the statement and connection advice with plain
 * objects (this class is on the bootstrap class path and cannot name {@code java.sql} types).
 *
 * <ul>
 *   <li>When a connection creates or prepares a statement, the statement is mapped (in {@link RecentStatements}
 *       until it is closed, weakly if it outlives its slot there) to its
 *       {@link StatementSeries}: the connection's database, found once per connection, and for a prepared
 *       statement the keyword of its SQL, extracted once.</li>
 *   <li>A pool's proxy connection that prepares by calling the driver's connection inherits the series the driver
 *       call resolved (per-thread nesting), so a per-borrow proxy never costs a metadata lookup.</li>
 *   <li>Executions nest the same way (a pool's proxy statement calls the driver's): only the outermost call on a
 *       thread is recorded, so one logical operation is one observation.</li>
 * </ul>
 * Only statements created through a {@code Connection} method are recorded: statements a driver makes for
 * itself (MariaDB's {@code select database()} behind {@code getCatalog()}) are not the application's operations.
 *
 * <p>The execute path allocates nothing once a statement is known: a thread-local, a look-up in {@link RecentStatements}
 * (or the weak map with a reused probe), a cached child and one observation. Prepare, execute and close on one
 * thread allocate nothing either: the statement waits in {@link RecentStatements} until its {@code close()}.
 */
public final class StatementHooks {

    static final String COMPONENT = "jdbc.statement";

    /** The {@code java.sql} bridge, made on first use next to {@code java.sql} (the platform class loader). */
    private static final Bridge<DatabaseInfoReader> METADATA = Bridge.of(
            DatabaseInfoReader.class,
            "dev.autoprom.instrumentation.jdbc.statement.bridge.ConnectionMetadata",
            COMPONENT,
            DatabaseInfoReader.UNKNOWN);

    private static final Class<?> JAVA_SQL_CONNECTION = javaSqlConnection();
    private static final ThreadLocal<CallState> CALLS = ThreadLocal.withInitial(CallState::new);
    /** Statements that outlived their slot in {@link #RECENT}: still open when a newer one needed it. */
    private static final WeakIdentityMap<StatementSeries> STATEMENTS = new WeakIdentityMap<>();
    /** Just-prepared statements until closed: the common prepare-execute-close costs no weak-map entry. */
    private static final RecentStatements RECENT = new RecentStatements();

    private static final WeakIdentityMap<DatabaseSeries> CONNECTIONS = new WeakIdentityMap<>();

    private StatementHooks() {}

    private static Class<?> javaSqlConnection() {
        try {
            return Class.forName("java.sql.Connection", false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            return Object.class; // no java.sql in this runtime: the bridge resolves to UNKNOWN
        }
    }

    /** Per-thread nesting of execute and prepare calls. */
    private static final class CallState {
        int executeDepth;
        int prepareDepth;
        /** What the innermost nested prepare resolved, for the wrapping (proxy) prepare to reuse. */
        StatementSeries innerSeries;

        String innerSql;
    }

    // ---- execute ----

    /** Start of an execute call: its start time, or {@link Timing#NOT_STARTED} when nested in another one. */
    public static long enter() {
        CallState calls = CALLS.get();
        if (calls.executeDepth++ > 0) {
            return Timing.NOT_STARTED;
        }
        return Timing.start();
    }

    /**
     * End of an execute call. {@code sql} is the call's own SQL ({@code execute(String)}), null for a prepared
     * statement's; {@code sqlState} is the failure's SQLState when it was an {@code SQLException}.
     */
    public static void exit(Object statement, String sql, boolean batch, long start, Throwable error, String sqlState) {
        CallState calls = CALLS.get();
        try {
            if (start != Timing.NOT_STARTED) {
                record(statement, sql, batch, System.nanoTime() - start, error, sqlState);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        } finally {
            // decremented last: a metadata lookup inside record() must not look like a new outer call
            if (--calls.executeDepth < 0) {
                calls.executeDepth = 0;
            }
        }
    }

    private static void record(
            Object statement, String sql, boolean batch, long nanos, Throwable error, String sqlState) {
        StatementSeries series = find(statement);
        if (series == null) {
            // not created through a Connection method: a driver's internal statement (MariaDB runs
            // "select database()" behind getCatalog()), or one created before the agent attached
            return;
        }
        DistributionDataPoint child = error == null
                ? series.success(sql, batch)
                : series.database.failure(series.operation(sql, batch), errorType(error, sqlState));
        child.observe(nanos / 1e9);
    }

    /** The slot first: an eviction writes the weak map before it frees the slot, so no statement slips between. */
    private static StatementSeries find(Object statement) {
        StatementSeries series = RECENT.get(statement);
        return series != null ? series : STATEMENTS.get(statement);
    }

    /** {@code error_type}: the SQLState class (its first two characters), else the exception's class name. */
    static String errorType(Throwable error, String sqlState) {
        if (sqlState != null && sqlState.length() >= 2) {
            return sqlState.substring(0, 2);
        }
        return error.getClass().getName();
    }

    // ---- prepare / create ----

    public static void prepareEnter() {
        CALLS.get().prepareDepth++;
    }

    /** A connection returned {@code statement} for {@code sql} (null for {@code createStatement}). */
    public static void prepareExit(Object connection, Object statement, String sql) {
        CallState calls = CALLS.get();
        int level = calls.prepareDepth--;
        try {
            if (statement == null) {
                return;
            }
            StatementSeries series = null;
            if (calls.innerSeries != null && (sql == null ? calls.innerSql == null : sql.equals(calls.innerSql))) {
                series = calls.innerSeries;
            }
            if (series == null) {
                series = database(connection).statement(sql == null ? null : SqlKeyword.of(sql));
            }
            if (level > 1) {
                // a driver statement that a wrapper (P6Spy, datasource-proxy, the application's own; the known
                // pools' wrappers are not instrumented) is about to wrap: only the wrapper is handed to the
                // application (its executes record; the driver's nested ones never do), so only it is mapped,
                // halving the weak references a wrapped prepare creates
                calls.innerSeries = series;
                calls.innerSql = sql;
            } else {
                RECENT.put(statement, series, STATEMENTS);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        } finally {
            if (level <= 1) {
                calls.prepareDepth = 0;
                calls.innerSeries = null;
                calls.innerSql = null;
            }
        }
    }

    /**
     * {@code Statement.close()} returned: the statement's slot is freed. A statement that left its slot already
     * stays in the weak map until the GC takes it (a pool's cached statement is "closed" again and again by
     * the application without the driver's close being called, so nothing here must depend on close).
     */
    public static void closed(Object statement) {
        try {
            if (statement != null) {
                RECENT.closed(statement);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The connection's database series, looked up in its metadata the first time this connection is seen. */
    private static DatabaseSeries database(Object connection) {
        DatabaseSeries series = CONNECTIONS.get(connection);
        if (series == null) {
            series = DatabaseSeries.of(
                    connection == null
                            ? DatabaseInfo.of(null, null)
                            : METADATA.get(JAVA_SQL_CONNECTION).read(connection));
            if (connection != null) {
                CONNECTIONS.put(connection, series);
            }
        }
        return series;
    }
}
