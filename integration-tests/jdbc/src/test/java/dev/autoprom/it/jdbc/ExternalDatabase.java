package dev.autoprom.it.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL and MariaDB on 127.0.0.1. With {@code CI=true} they are required (.ci/run starts them): an
 * unreachable server fails the test. Elsewhere the test is skipped with a message saying how to start it.
 */
final class ExternalDatabase {

    private ExternalDatabase() {}

    static void require(String name, int port, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        } catch (IOException e) {
            String message = name + " is not reachable on 127.0.0.1:" + port + " (" + e.getMessage() + "); start it: "
                    + howToStart;
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true requires " + message);
            }
            Assumptions.abort("skipped: " + message);
        }
    }
}
