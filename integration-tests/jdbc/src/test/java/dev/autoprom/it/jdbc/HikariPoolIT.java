package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HikariCP pool metrics through its MetricsTrackerFactory extension point, on H2. */
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

    @Test
    void applicationsOwnTrackerFactoryIsLeftInPlace() throws Exception {
        AtomicInteger acquisitions = new AtomicInteger();
        HikariConfig config = config("hikari-own-tracker", 2);
        config.setMetricsTrackerFactory((poolName, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                acquisitions.incrementAndGet();
            }
        });
        try (HikariDataSource ds = new HikariDataSource(config)) {
            ds.getConnection().close();
            ds.getConnection().close();
            assertThat(acquisitions).hasValue(2);
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("max", "hikari-own-tracker")).isEqualTo(2);
            assertThat(m.pool("wait_time_seconds_count", "hikari-own-tracker")).isZero();
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
