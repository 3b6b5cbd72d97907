package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The same application traffic for every database and pool: one CREATE, {@code inserts} prepared INSERTs,
 * {@code selects} prepared SELECTs and {@code updates} plain-statement UPDATEs, one DROP; and it checks the
 * application's own results, so an instrumentation that changed them would fail here.
 */
final class Workload {

    private Workload() {}

    static void crud(DataSource dataSource, String table, int selects, int inserts, int updates) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name VARCHAR(40))");
        }
        for (int i = 0; i < inserts; i++) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (id, name) VALUES (?, ?)")) {
                p.setInt(1, i);
                p.setString(2, "row" + i);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id >= ?")) {
            for (int i = 0; i < selects; i++) {
                p.setInt(1, 0);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(inserts);
                }
            }
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (int i = 0; i < updates; i++) {
                assertThat(s.executeUpdate("UPDATE " + table + " SET name = 'u" + i + "' WHERE id = 0"))
                        .isEqualTo(inserts > 0 ? 1 : 0);
            }
            s.execute("DROP TABLE " + table);
        }
    }

    /** Asserts the exact counts {@link #crud} produces for one database. */
    static void assertCrudCounts(
            JdbcMetrics m, String system, String namespace, int selects, int inserts, int updates) {
        assertThat(m.operations(system, namespace, "SELECT")).as(m.jdbcLines()).isEqualTo(selects);
        assertThat(m.operations(system, namespace, "INSERT")).as(m.jdbcLines()).isEqualTo(inserts);
        assertThat(m.operations(system, namespace, "UPDATE")).as(m.jdbcLines()).isEqualTo(updates);
        assertThat(m.operations(system, namespace, "CREATE")).as(m.jdbcLines()).isEqualTo(1);
        assertThat(m.operations(system, namespace, "DROP")).as(m.jdbcLines()).isEqualTo(1);
    }
}
