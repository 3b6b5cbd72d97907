package dev.autoprom.bench.jmh.recording;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.jdbc.statement.StatementHooks;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording path of the JDBC family: one statement execute: one observation of {@code db_client_operation_duration_seconds}.
 * The real recorder reduces the SQL to its operation keyword once per prepared statement (at prepare time, in
 * set-up here) and per call for a plain {@code Statement.execute(sql)} ({@code recorderPlainStatement}).
 *
 * <p><b>standIn</b> does what the metric catalog (shared/DESIGN.md) implies the recorder must do at least:
 * the CappedSeries look-ups and observations with this family's label count and buckets. It is the floor, not
 * the family's number.
 *
 * <p><b>recorder</b> calls the family's real recording code the way its advice does (see the method). Keep
 * {@code standIn}: {@code recorder - standIn} is the family's own cost. The recorder registers into the global
 * {@code AgentMetrics.registry()}; one fork per class keeps each class's series apart.
 * Target (issue 7): at most 100 ns and 0 B/op at steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JdbcRecordingBenchmark {

    private CappedSeries<DistributionDataPoint> series;
    private String[][] labelSets;
    private int next;

    /** As in Labels.dbLabelSets: the H2 in-memory database names become db_namespace. */
    private static final String[] NAMESPACES = {"orders", "users", "inventory", "billing"};

    private static final String[] SQL = {
        "SELECT id, name FROM users WHERE id = ?",
        "INSERT INTO users (id, name) VALUES (?, ?)",
        "UPDATE users SET name = ? WHERE id = ?",
        "DELETE FROM users WHERE id = ?"
    };

    /** Held here: the recorder keys statements and connections weakly. */
    private Connection[] connections;

    private Statement[] plain;
    private PreparedStatement[] prepared;
    private String[] sqlTexts;
    private final Object[] freshStatements = new Object[Labels.COMBOS];

    @Setup(Level.Trial)
    public void setUp() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram duration = AgentMetrics.histogram(
                        "db_client_operation_duration_seconds",
                        "Duration of database client operations.",
                        Labels.DB_BUCKETS)
                .labelNames(Labels.DB_LABELS)
                .register(registry);
        series = new CappedSeries<>(duration, "db_client_operation_duration_seconds", Labels.DB_LABELS.length);
        labelSets = Labels.dbLabelSets();
        try {
            connections = new Connection[NAMESPACES.length];
            plain = new Statement[NAMESPACES.length];
            prepared = new PreparedStatement[Labels.COMBOS];
            for (int db = 0; db < NAMESPACES.length; db++) {
                Connection c = DriverManager.getConnection("jdbc:h2:mem:" + NAMESPACES[db] + ";DB_CLOSE_DELAY=-1");
                connections[db] = c;
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY, name VARCHAR(64))");
                }
                StatementHooks.prepareEnter();
                plain[db] = c.createStatement();
                StatementHooks.prepareExit(c, plain[db], null);
                for (int op = 0; op < SQL.length; op++) {
                    StatementHooks.prepareEnter();
                    PreparedStatement ps = c.prepareStatement(SQL[op]);
                    StatementHooks.prepareExit(c, ps, SQL[op]);
                    // label set i is (ops[i & 3], namespaces[(i >> 2) & 3]), see Labels.dbLabelSets
                    prepared[(db << 2) | op] = ps;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sqlTexts = SQL.clone();
        for (int i = 0; i < freshStatements.length; i++) {
            freshStatements[i] = new Object();
        }
    }

    /** nanoTime around the execute, duration observe with 4 labels. */
    @Benchmark
    public void standIn() {
        String[] l = nextLabels();
        long start = System.nanoTime();
        long end = System.nanoTime();
        series.get(l[0], l[1], l[2], l[3]).observe((end - start) / 1e9);
    }

    private String[] nextLabels() {
        String[] set = labelSets[next];
        next = (next + 1) & (Labels.COMBOS - 1);
        return set;
    }

    /**
     * The real recorder for a prepared statement's {@code execute()}, as {@code ExecuteAdvice} calls it:
     * {@code StatementHooks.enter()} (thread-local depth, start time), then {@code exit(statement, null, ...)}
     * (weak identity lookup of the statement, its cached child, duration observe). The statements are real H2
     * {@code PreparedStatement}s, prepared in {@link #setUp} through {@code prepareEnter/prepareExit} as
     * {@code PrepareAdvice} does (keyword and database resolved there, once); they are never executed, the
     * recorder only needs their identity. 16 statements: 4 databases x SELECT/INSERT/UPDATE/DELETE.
     */
    @Benchmark
    public void recorder() {
        Object statement = prepared[next];
        nextLabels();
        long start = StatementHooks.enter();
        StatementHooks.exit(statement, null, false, start, null, null);
    }

    /**
     * What a request of the overhead workload's {@code /users/{id}} costs the JDBC family: a new prepared
     * statement per request ({@code PrepareAdvice}: the SQL's keyword, the connection's cached database, the
     * statement kept in {@code RecentStatements}), its execute, and its {@code close()} ({@code CloseAdvice}:
     * the slot freed, so no weak-map entry is ever made). The statements are 16 plain objects made in set-up,
     * so that B/op is the agent's alone; {@link #recorderPrepareThenExecuteNewStatement} makes a new one per
     * call, as the workload does.
     */
    @Benchmark
    public void recorderPrepareThenExecute() {
        int i = next;
        nextLabels();
        prepareExecuteClose(i, freshStatements[i]);
    }

    /** As {@link #recorderPrepareThenExecute} with a new statement object per call (its own 16 B are in B/op). */
    @Benchmark
    public void recorderPrepareThenExecuteNewStatement() {
        int i = next;
        nextLabels();
        prepareExecuteClose(i, new Object());
    }

    private void prepareExecuteClose(int i, Object statement) {
        StatementHooks.prepareEnter();
        StatementHooks.prepareExit(connections[i >> 2], statement, SQL[i & 3]);
        long start = StatementHooks.enter();
        StatementHooks.exit(statement, null, false, start, null, null);
        StatementHooks.closed(statement);
    }

    /**
     * A plain {@code Statement.execute(sql)}, as {@code ExecuteSqlAdvice} calls the recorder: as {@link #recorder}
     * plus the SQL keyword scan of the call's own SQL text (the statement maps to its database only).
     */
    @Benchmark
    public void recorderPlainStatement() {
        int i = next;
        nextLabels();
        long start = StatementHooks.enter();
        StatementHooks.exit(plain[i >> 2], sqlTexts[i & 3], false, start, null, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }
}
