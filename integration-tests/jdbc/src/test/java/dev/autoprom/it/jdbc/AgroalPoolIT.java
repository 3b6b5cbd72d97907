package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agroal (Quarkus' pool) on H2, run on every Agroal line of the matrix: 3.2 here, 3.0 in jdbc-agroal30, 2.5 in
 * jdbc-legacy. Connection creation moved in 3.2 (the CreateConnectionTask became createAndPoolConnection), so
 * create time is checked exactly, against Agroal's own count.
 */
class AgroalPoolIT {

    @BeforeAll
    static void startH2() throws Exception {
        DriverManager.getConnection(OtherPoolsIT.url("warm-up")).close();
    }

    private static AgroalDataSource pool(String database, int max) throws Exception {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(max)
                        .minSize(0)
                        .initialSize(0)
                        .acquisitionTimeout(Duration.ofMillis(250))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(OtherPoolsIT.url(database)))));
    }

    @Test
    void poolScenarioAndStatements() throws Exception {
        String name;
        try (AgroalDataSource ds = pool("agroal", 2)) {
            name = JdbcMetrics.scrape().poolNamed("agroal-\\d+");
            PoolScenario.exhaustAndRelease(ds, name);
            Workload.crud(ds, "t", 4, 3, 2);
            Workload.assertCrudCounts(JdbcMetrics.scrape(), "h2", "agroal", 4, 3, 2);
        }
        PoolScenario.assertGone(name);
    }

    /**
     * Quarkus turns Agroal's own metrics on at runtime and resizes running pools: the agent's counts keep going
     * and equal Agroal's, creations included (before and after a flush that closes every connection).
     */
    @Test
    void reconfiguredRunningPoolCountsAsAgroalDoes() throws Exception {
        String name;
        try (AgroalDataSource ds = pool("agroal-reconf", 2)) {
            name = JdbcMetrics.scrape().poolNamed("agroal-\\d+");
            borrow(ds, 2);
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("wait_time_seconds_count", name)).isEqualTo(2);
            assertThat(m.pool("use_time_seconds_count", name)).isEqualTo(2);
            assertThat(m.pool("create_time_seconds_count", name))
                    .as("one connection, borrowed twice")
                    .isEqualTo(1);

            ds.getConfiguration().setMetricsEnabled(true);
            ds.getConfiguration().connectionPoolConfiguration().setMaxSize(4);
            try (Connection a = ds.getConnection();
                    Connection b = ds.getConnection();
                    Connection c = ds.getConnection()) {
                assertThat(JdbcMetrics.scrape().used(name)).isEqualTo(3);
            }
            AgroalDataSourceMetrics theirs = ds.getMetrics();
            // the flush runs on Agroal's own thread: the next borrow must not take a connection it has not closed yet
            ds.flush(AgroalDataSource.FlushMode.ALL);
            JdbcMetrics.await("Agroal's flush of the 3 connections", s -> theirs.flushCount() == 3);
            borrow(ds, 2);

            m = JdbcMetrics.await(
                    "Agroal's creations in " + name,
                    s -> s.pool("create_time_seconds_count", name) == 1 + theirs.creationCount());
            assertThat(theirs.acquireCount()).isEqualTo(5);
            assertThat(theirs.creationCount())
                    .as("2 more for the three held at once, 1 after the flush")
                    .isEqualTo(3);
            assertThat(m.pool("wait_time_seconds_count", name)).isEqualTo(2 + 5);
            assertThat(m.pool("use_time_seconds_count", name)).isEqualTo(2 + 5);
            assertThat(m.pool("create_time_seconds_count", name)).isEqualTo(1 + 3);
            assertThat(m.pool("max", name)).isEqualTo(4);
            m.assertNoAgentErrors();
        }
        PoolScenario.assertGone(name);
    }

    private static void borrow(AgroalDataSource ds, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            ds.getConnection().close();
        }
    }
}
