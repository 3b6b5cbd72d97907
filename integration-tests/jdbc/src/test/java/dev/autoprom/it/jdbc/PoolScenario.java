package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The pool scenario every pool test runs: a pool of at most 2 connections with a 250 ms checkout timeout; both
 * held; a third request waits (pending 1), times out (timeouts 1, the application gets the library's exception),
 * pending back to 0; both released (used 0); then the test closes the pool and checks its series are gone.
 */
final class PoolScenario {

    private PoolScenario() {}

    static void exhaustAndRelease(DataSource pool, String name) throws Exception {
        int[] warmUpTimeouts = {0};
        Connection first = acquire(pool, warmUpTimeouts);
        Connection second = acquire(pool, warmUpTimeouts);
        JdbcMetrics.await("2 used connections in " + name, m -> m.used(name) == 2);

        // the waiting lasts 250 ms: on a very loaded machine a scrape may miss it, then the request is repeated
        // (each attempt is one more timeout, counted, so the expected total stays exact)
        int attempts = 0;
        boolean sawPending = false;
        while (!sawPending && attempts < 3) {
            attempts++;
            CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!third.isDone()) {
                sawPending |= JdbcMetrics.scrape().pool("pending_requests", name) == 1;
            }
            // the application gets the library's own exception, unchanged
            assertThat(third)
                    .failsWithin(0, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .havingCause()
                    .isInstanceOf(SQLException.class);
        }
        assertThat(sawPending)
                .as("pending_requests 1 while the third request waits")
                .isTrue();

        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.pool("timeouts_total", name)).isEqualTo(attempts + warmUpTimeouts[0]);
        assertThat(m.pool("pending_requests", name)).isEqualTo(0);
        assertThat(m.pool("max", name)).isEqualTo(2);
        assertThat(m.used(name)).isEqualTo(2);
        assertThat(m.pool("wait_time_seconds_count", name)).isGreaterThanOrEqualTo(2);

        first.close();
        second.close();
        m = JdbcMetrics.await("0 used connections in " + name, s -> s.used(name) == 0);
        assertThat(m.idle(name)).isGreaterThanOrEqualTo(1);
        assertThat(m.pool("use_time_seconds_count", name)).isEqualTo(2);
        assertThat(m.pool("create_time_seconds_count", name)).isGreaterThanOrEqualTo(1);
        m.assertAllPoolSeries(name);
        m.assertNoAgentErrors();
    }

    /**
     * A first connection may take longer than the 250 ms timeout on a loaded machine (class loading, H2 start):
     * such a timeout is retried and counted, so the expected timeouts stay exact.
     */
    private static Connection acquire(DataSource pool, int[] timeouts) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (attempt == 5) {
                    throw e;
                }
                timeouts[0]++;
            }
        }
    }

    static void assertGone(String name) {
        JdbcMetrics m = JdbcMetrics.await("series of closed pool " + name + " gone", s -> !s.hasPool(name));
        assertThat(m.hasPool(name)).isFalse();
    }
}
