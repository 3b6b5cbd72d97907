package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Statement metrics against the real PostgreSQL and MariaDB servers, through HikariCP. */
class ExternalDatabaseIT {

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void run(HikariDataSource ds, String system) throws Exception {
        String table = "autoprom_it_" + Long.toHexString(System.nanoTime());
        Workload.crud(ds, table, 9, 4, 6);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + table + "_missing"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("42"));
        }
        JdbcMetrics m = JdbcMetrics.scrape();
        Workload.assertCrudCounts(m, system, "test", 9, 4, 6);
        assertThat(m.operations(system, "test", "SELECT", "42")).isEqualTo(1);
    }

    @Test
    void postgresql() throws Exception {
        ExternalDatabase.require(
                "PostgreSQL", 5432, "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
        try (HikariDataSource ds = pool("jdbc:postgresql://127.0.0.1:5432/test", "postgres")) {
            run(ds, "postgresql");
        }
    }

    @Test
    void mariadb() throws Exception {
        ExternalDatabase.require(
                "MariaDB", 3306, "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        try (HikariDataSource ds = pool("jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable", "root")) {
            run(ds, "mariadb");
        }
    }
}
