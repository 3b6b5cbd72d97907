package dev.autoprom.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** HikariCP over an in-memory H2 database with 100 users. */
final class Database {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static Database start() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        config.setPoolName("demo-pool");
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(64))");
            s.execute("CREATE TABLE audit (id IDENTITY PRIMARY KEY, event VARCHAR(64))");
            for (int i = 1; i <= 100; i++) {
                s.executeUpdate("INSERT INTO users VALUES (" + i + ", 'user-" + i + "')");
            }
        }
        return new Database(dataSource);
    }

    /** The user's name, or null when there is none. */
    String userName(int id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    void audit(String event) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit (event) VALUES (?)")) {
            ps.setString(1, event);
            ps.executeUpdate();
        }
    }
}
