package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.DelegatingStatement;
import org.junit.jupiter.api.Test;

/** Statement metrics on H2 in-process, through HikariCP (a proxy around the driver) and through the bare driver. */
class H2StatementIT {

    static HikariDataSource hikari(String database, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("stmt-" + database);
        return new HikariDataSource(config);
    }

    @Test
    void exactCountsPerOperationThroughHikariRecordedOnce() throws Exception {
        try (HikariDataSource ds = hikari("crud", 2)) {
            Workload.crud(ds, "t", 7, 5, 3);
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        Workload.assertCrudCounts(m, "h2", "crud", 7, 5, 3);
        // the proxy statement and the driver statement it wraps are one operation: nothing else was recorded
        assertThat(m.allOperations("crud")).isEqualTo(7 + 5 + 3 + 2);
    }

    @Test
    void bareDriverPlainPreparedCallableBatchAndCte() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE b (id INT)");
            s.addBatch("INSERT INTO b VALUES (1)");
            s.addBatch("INSERT INTO b VALUES (2)");
            assertThat(s.executeBatch()).containsExactly(1, 1);
            try (PreparedStatement p = c.prepareStatement("insert into b values (?)")) {
                for (int i = 10; i < 13; i++) {
                    p.setInt(1, i);
                    p.addBatch();
                }
                assertThat(p.executeBatch()).containsExactly(1, 1, 1);
            }
            try (ResultSet r = s.executeQuery("WITH x AS (SELECT id FROM b WHERE id > 9) SELECT COUNT(*) FROM x")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(3);
            }
            try (CallableStatement call = c.prepareCall("CALL ABS(-5)");
                    ResultSet r = call.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(5);
            }
            assertThat(s.executeLargeUpdate("DELETE FROM b WHERE id = 1")).isEqualTo(1L);
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.operations("h2", "bare", "BATCH")).as(m.jdbcLines()).isEqualTo(1);
        assertThat(m.operations("h2", "bare", "BATCH INSERT")).isEqualTo(1);
        assertThat(m.operations("h2", "bare", "SELECT")).isEqualTo(1);
        assertThat(m.operations("h2", "bare", "CALL")).isEqualTo(1);
        assertThat(m.operations("h2", "bare", "DELETE")).isEqualTo(1);
        assertThat(m.allOperations("bare")).isEqualTo(6);
    }

    @Test
    void literalsNeverReachTheScrape() throws Exception {
        try (HikariDataSource ds = hikari("secrets", 2);
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (name VARCHAR(20), password VARCHAR(20))");
            s.executeUpdate("INSERT INTO users VALUES ('alice', 'hunter2')");
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM users WHERE password = 'hunter2'");
                    ResultSet r = p.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("alice");
            }
            assertThatThrownBy(() -> s.executeQuery("hunter2 is not sql")).isInstanceOf(SQLException.class);
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.operations("h2", "secrets", "SELECT")).isEqualTo(1);
        assertThat(m.operations("h2", "secrets", "INSERT")).isEqualTo(1);
        assertThat(m.operations("h2", "secrets", "_OTHER", "42")).isEqualTo(1);
        assertThat(m.text()).doesNotContain("hunter2").doesNotContain("alice");
    }

    @Test
    void failuresReachTheApplicationUnchangedAndCountBySqlStateClass() throws Exception {
        try (HikariDataSource ds = hikari("failing", 2);
                Connection c = ds.getConnection();
                PreparedStatement ok = c.prepareStatement("SELECT 1")) {
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT * FROM missing_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("42"));
            try (ResultSet r = ok.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.operations("h2", "failing", "SELECT", "42"))
                .as(m.jdbcLines())
                .isEqualTo(1);
        assertThat(m.operations("h2", "failing", "SELECT")).isEqualTo(1);
    }

    @Test
    void sixteenThreadsTimesTwoHundredExact() throws Exception {
        int threads = 16;
        int perThread = 200;
        try (HikariDataSource ds = hikari("concurrent", 8)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int sum = 0;
                    for (int i = 0; i < perThread; i++) {
                        try (Connection c = ds.getConnection();
                                PreparedStatement p = c.prepareStatement("SELECT ?")) {
                            p.setInt(1, 1);
                            try (ResultSet r = p.executeQuery()) {
                                r.next();
                                sum += r.getInt(1);
                            }
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(perThread);
            }
            pool.shutdown();
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.operations("h2", "concurrent", "SELECT")).isEqualTo((long) threads * perThread);
        assertThat(m.allOperations("concurrent")).isEqualTo((long) threads * perThread);
        m.assertNoAgentErrors();
    }

    /**
     * The agent keeps a just-prepared statement in a slot until its close() rather than in a weak map; a
     * statement a pool caches is never closed at the driver, and here it is handed to another thread: its
     * executes there must be recorded too, exactly.
     */
    @Test
    void aStatementThePoolCachesIsRecordedOnEveryThreadItIsHandedTo() throws Exception {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl("jdbc:h2:mem:cached;DB_CLOSE_DELAY=-1");
        ds.setMaxTotal(1);
        ds.setPoolPreparedStatements(true);
        Callable<Object> selectOne = () -> {
            try (Connection c = ds.getConnection();
                    PreparedStatement p = c.prepareStatement("SELECT ?")) {
                p.setInt(1, 1);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(1);
                }
                return ((DelegatingStatement) p).getInnermostDelegate();
            }
        };
        ExecutorService first = Executors.newSingleThreadExecutor();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Object driverStatement = first.submit(selectOne).get(1, TimeUnit.MINUTES);
            assertThat(second.submit(selectOne).get(1, TimeUnit.MINUTES))
                    .as("the pool handed the same driver statement to the second thread")
                    .isSameAs(driverStatement);
            assertThat(second.submit(selectOne).get(1, TimeUnit.MINUTES)).isSameAs(driverStatement);
            assertThat(first.submit(selectOne).get(1, TimeUnit.MINUTES)).isSameAs(driverStatement);
        } finally {
            first.shutdownNow();
            second.shutdownNow();
            ds.close();
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.operations("h2", "cached", "SELECT")).as(m.jdbcLines()).isEqualTo(4);
        assertThat(m.allOperations("cached")).isEqualTo(4);
        m.assertNoAgentErrors();
    }
}
