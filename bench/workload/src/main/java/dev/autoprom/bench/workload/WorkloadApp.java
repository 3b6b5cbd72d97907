package dev.autoprom.bench.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The overhead workload: a JDK {@link HttpServer} with a HikariCP pool over an in-memory H2 database.
 *
 * <ul>
 *   <li>{@code GET /ping} does no work and answers {@code pong};</li>
 *   <li>{@code GET /users/{id}} runs one {@code SELECT} by primary key and answers the row as JSON (404 when
 *       there is none).</li>
 * </ul>
 *
 * <p>Settings (system properties): {@code bench.port} (8080), {@code bench.host} (127.0.0.1),
 * {@code bench.threads} (4: HTTP worker threads, also the pool size), {@code bench.rows} (1000 users).
 * Prints {@code WORKLOAD READY port=<port> startup_ms=<ms>} on stdout once it serves.
 */
public final class WorkloadApp {

    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    private static final String SELECT = "SELECT id, name, email FROM users WHERE id = ?";

    private WorkloadApp() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("bench.port", 8080);
        String host = System.getProperty("bench.host", "127.0.0.1");
        int threads = Integer.getInteger("bench.threads", 4);
        int rows = Integer.getInteger("bench.rows", 1000);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("bench");
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        HikariDataSource dataSource = new HikariDataSource(config);
        populate(dataSource, rows);

        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/ping", exchange -> respond(exchange, 200, PONG));
        server.createContext("/users/", exchange -> users(exchange, dataSource));
        server.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            executor.shutdownNow();
            dataSource.close();
        }));
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("WORKLOAD READY port=" + server.getAddress().getPort() + " startup_ms=" + uptime);
        System.out.flush();
    }

    private static void populate(HikariDataSource dataSource, int rows) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, email VARCHAR(128) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "user" + i);
                    insert.setString(3, "user" + i + "@example.com");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void users(HttpExchange exchange, HikariDataSource dataSource) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int id;
        try {
            id = Integer.parseInt(path.substring("/users/".length()));
        } catch (NumberFormatException e) {
            respond(exchange, 400, "bad id".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    respond(exchange, 404, "not found".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                String json = "{\"id\":" + rs.getInt(1) + ",\"name\":\"" + rs.getString(2) + "\",\"email\":\""
                        + rs.getString(3) + "\"}";
                respond(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
            }
        } catch (SQLException e) {
            respond(exchange, 500, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }
}
