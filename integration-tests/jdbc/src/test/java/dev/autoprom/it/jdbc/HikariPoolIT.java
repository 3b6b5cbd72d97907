package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * HikariCP pool metrics through its MetricsTrackerFactory extension point, on H2; an application's or a
 * framework's tracker, set at any time, is chained with ours and both count exactly.
 */
class HikariPoolIT {

    static HikariConfig config(String poolName, int max) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:hikari-" + max + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(max);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(250);
        if (poolName != null) {
            config.setPoolName(poolName);
        }
        return config;
    }

    @Test
    void exhaustionTimeoutPendingUsedAndClose() throws Exception {
        try (HikariDataSource ds = new HikariDataSource(config("hikari-exhaust", 2))) {
            PoolScenario.exhaustAndRelease(ds, "hikari-exhaust");
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("idle_min", "hikari-exhaust")).isEqualTo(1);
            assertThat(m.pool("idle_max", "hikari-exhaust")).isEqualTo(2);
        }
        PoolScenario.assertGone("hikari-exhaust");
    }

    /** Our wait and use counts (and timeouts) for a pool, to compare with an application's tracker. */
    private static long[] ours(String pool) {
        JdbcMetrics m = JdbcMetrics.scrape();
        return new long[] {
            (long) m.pool("wait_time_seconds_count", pool),
            (long) m.pool("use_time_seconds_count", pool),
            (long) m.pool("timeouts_total", pool)
        };
    }

    private static void borrow(DataSource ds, int times) throws SQLException {
        for (int i = 0; i < times; i++) {
            ds.getConnection().close();
        }
    }

    @Test
    void trackerFactorySetBeforeStartIsChainedWithOurs() throws Exception {
        CountingTracker.Factory app = new CountingTracker.Factory();
        HikariConfig config = config("hikari-own-tracker", 2);
        config.setMetricsTrackerFactory(app);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            borrow(ds, 2);
            // the application's own factory is still the configured one, and it made exactly one tracker
            assertThat(ds.getMetricsTrackerFactory()).isSameAs(app);
            assertThat(app.trackers).hasSize(1);
            assertThat(app.total().acquired).hasValue(2);
            assertThat(app.total().used).hasValue(2);
            assertThat(ours("hikari-own-tracker")).containsExactly(2, 2, 0);
            assertThat(JdbcMetrics.scrape().pool("max", "hikari-own-tracker")).isEqualTo(2);
        }
        assertThat(app.total().closed)
                .as("the application's tracker closed with the pool")
                .hasValue(1);
    }

    @Test
    void trackerFactorySetOnTheRunningPoolIsChainedWithOurs() throws Exception {
        try (HikariDataSource ds = new HikariDataSource(config("hikari-late-tracker", 2))) {
            borrow(ds, 3);
            assertThat(ours("hikari-late-tracker")).containsExactly(3, 3, 0);
            // what Spring Boot actuator does once its registry is ready: the pool is already running
            CountingTracker.Factory app = new CountingTracker.Factory();
            ds.setMetricsTrackerFactory(app);
            borrow(ds, 4);
            assertThat(app.total().acquired).hasValue(4);
            assertThat(app.total().used).hasValue(4);
            assertThat(ours("hikari-late-tracker")).containsExactly(7, 7, 0);
            // Hikari's own rule is unchanged: a second factory on a running data source is refused
            assertThatThrownBy(() -> ds.setMetricsTrackerFactory(new CountingTracker.Factory()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("MetricsTrackerFactory can only be set one time");
        }
    }

    @Test
    void trackerFactoriesReplacedOnThePoolItselfAreEachChained() throws Exception {
        HikariConfig config = config("hikari-many-trackers", 2);
        CountingTracker.Factory first = new CountingTracker.Factory();
        config.setMetricsTrackerFactory(first);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            borrow(ds, 2);
            // the pool itself accepts a new factory any number of times; each replaces the previous one
            HikariPool pool = (HikariPool) ds.getHikariPoolMXBean();
            CountingTracker.Factory second = new CountingTracker.Factory();
            pool.setMetricsTrackerFactory(second);
            borrow(ds, 3);
            pool.setMetricsTrackerFactory(null);
            borrow(ds, 1);
            CountingTracker.Factory third = new CountingTracker.Factory();
            pool.setMetricsTrackerFactory(third);
            borrow(ds, 5);
            assertThat(first.total().acquired).hasValue(2);
            assertThat(second.total().acquired).hasValue(3);
            assertThat(third.total().acquired).hasValue(5);
            assertThat(third.total().used).hasValue(5);
            assertThat(ours("hikari-many-trackers")).containsExactly(11, 11, 0);
        }
    }

    @Test
    void micrometerRegistrySetOnTheRunningPoolCountsAsOursDo() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HikariConfig config = config("hikari-micrometer", 2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            borrow(ds, 1);
            ds.setMetricRegistry(registry);
            borrow(ds, 6);
            assertThat(registry.get("hikaricp.connections.acquire").timer().count())
                    .isEqualTo(6);
            assertThat(registry.get("hikaricp.connections.usage").timer().count())
                    .isEqualTo(6);
            assertThat(ours("hikari-micrometer")).containsExactly(7, 7, 0);
        }
    }

    @Test
    void timeoutsReachBothTrackers() throws Exception {
        CountingTracker.Factory app = new CountingTracker.Factory();
        HikariConfig config = config("hikari-timeouts", 1);
        config.setMetricsTrackerFactory(app);
        try (HikariDataSource ds = new HikariDataSource(config);
                Connection held = ds.getConnection()) {
            assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class);
            assertThat(app.total().timeouts).hasValue(1);
            assertThat(ours("hikari-timeouts")[2]).isEqualTo(1);
        }
    }

    @Test
    void unnamedPoolGetsHikarisDefaultNameAndTwinsGetDistinctNames() {
        try (HikariDataSource unnamed = new HikariDataSource(config(null, 3));
                HikariDataSource twin1 = new HikariDataSource(config("twin", 2));
                HikariDataSource twin2 = new HikariDataSource(config("twin", 2))) {
            String name = unnamed.getPoolName();
            assertThat(name).startsWith("HikariPool-");
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("max", name)).isEqualTo(3);
            assertThat(m.pool("max", "twin")).isEqualTo(2);
            assertThat(m.pool("max", "twin-2")).isEqualTo(2);
        }
        PoolScenario.assertGone("twin-2");
    }
}
