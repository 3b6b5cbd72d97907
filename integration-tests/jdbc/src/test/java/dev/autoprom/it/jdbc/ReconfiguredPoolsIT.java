package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What frameworks do to running pools: export them to JMX (Spring's MBeanExporter, Spring Boot's
 * DataSourceJmxConfiguration), change settings through JMX or setters, restart them. The agent's hooks are the
 * pools' own methods (no listener or tracker a framework could replace), so recording goes on; these tests
 * prove it with exact counts. (HikariCP: HikariPoolIT; Agroal: AgroalPoolIT.)
 */
class ReconfiguredPoolsIT {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @BeforeAll
    static void startH2() throws Exception {
        DriverManager.getConnection(OtherPoolsIT.url("warm-up")).close();
    }

    private static void borrow(DataSource ds, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            ds.getConnection().close();
        }
    }

    private static void assertBorrows(String pool, int expected) {
        JdbcMetrics m = JdbcMetrics.scrape();
        assertThat(m.pool("wait_time_seconds_count", pool))
                .as("waits of %s", pool)
                .isEqualTo(expected);
        assertThat(m.pool("use_time_seconds_count", pool))
                .as("uses of %s", pool)
                .isEqualTo(expected);
    }

    /**
     * DBCP2: Spring's MBeanExporter registers every BasicDataSource (an MXBean) before first use; the series keep
     * the name taken at start (jmxName's name=, here none: dbcp2-N). A setter on the running pool is read live;
     * restart() is a close and a new start: new series (an unnamed pool gets a new dbcp2-N).
     */
    @Test
    void dbcp2ExportedToJmxResizedAndRestarted() throws Exception {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl(OtherPoolsIT.url("dbcp2-reconf"));
        ds.setMaxTotal(2);
        ObjectName exported = new ObjectName("dataSource:name=dataSource,type=BasicDataSource");
        JMX.registerMBean(ds, exported);
        try {
            borrow(ds, 2);
            String name = JdbcMetrics.scrape().poolNamed("dbcp2-\\d+");
            ds.setMaxTotal(4);
            borrow(ds, 3);
            assertBorrows(name, 5);
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("max", name)).isEqualTo(4);
            assertThat(m.pool("create_time_seconds_count", name)).isEqualTo(ds.getNumIdle() + ds.getNumActive());

            ds.restart();
            PoolScenario.assertGone(name);
            borrow(ds, 1);
            String restarted = JdbcMetrics.scrape().poolNamed("dbcp2-\\d+");
            assertThat(restarted).isNotEqualTo(name);
            assertBorrows(restarted, 1);
            JdbcMetrics.scrape().assertNoAgentErrors();
            ds.close();
            PoolScenario.assertGone(restarted);
        } finally {
            // DBCP2's close() unregisters the name it was registered under, the framework's too
            if (JMX.isRegistered(exported)) {
                JMX.unregisterMBean(exported);
            }
        }
    }

    /**
     * Tomcat JDBC: Spring Boot's DataSourceJmxConfiguration exports a running pool's own MBean
     * ({@code createPool().getJmxPool()}, which starts the pool); that bean's attribute writes change the live
     * pool properties; close() and a new createPool() make a new pool under the same name.
     */
    @Test
    void tomcatJdbcExportedToJmxReconfiguredThroughJmxAndRecreated() throws Exception {
        PoolProperties p = new PoolProperties();
        p.setUrl(OtherPoolsIT.url("tomcat-reconf"));
        p.setDriverClassName("org.h2.Driver");
        p.setMaxActive(2);
        p.setInitialSize(0);
        p.setName("tomcat-reconf");
        org.apache.tomcat.jdbc.pool.DataSource ds = new org.apache.tomcat.jdbc.pool.DataSource(p);
        ObjectName exported =
                new ObjectName("org.apache.tomcat.jdbc.pool.jmx:name=dataSourceMBean,type=ConnectionPool");
        JMX.registerMBean(ds.createPool().getJmxPool(), exported);
        try {
            assertThat(JdbcMetrics.scrape().pool("max", "tomcat-reconf")).isEqualTo(2);
            borrow(ds, 2);
            JMX.setAttribute(exported, new Attribute("MaxActive", 5));
            borrow(ds, 3);
            assertBorrows("tomcat-reconf", 5);
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("max", "tomcat-reconf")).isEqualTo(5);
            assertThat(m.pool("create_time_seconds_count", "tomcat-reconf"))
                    .isEqualTo(ds.getPool().getSize());

            JMX.unregisterMBean(exported);
            ds.close();
            PoolScenario.assertGone("tomcat-reconf");
            ds.createPool();
            borrow(ds, 1);
            assertBorrows("tomcat-reconf", 1);
            JdbcMetrics.scrape().assertNoAgentErrors();
        } finally {
            if (JMX.isRegistered(exported)) {
                JMX.unregisterMBean(exported);
            }
            ds.close();
        }
        PoolScenario.assertGone("tomcat-reconf");
    }

    /**
     * c3p0 exports each data source to JMX itself; setting a property of a running data source (through that
     * bean, or a setter) makes c3p0 throw its pools away and build new ones. Creations in the new pools are
     * recorded too (they are attributed through the data source's ConnectionPoolDataSource, which survives).
     */
    @Test
    void c3p0ReconfiguredThroughItsJmxBeanKeepsRecordingCreations() throws Exception {
        ComboPooledDataSource ds = new ComboPooledDataSource();
        ds.setJdbcUrl(OtherPoolsIT.url("c3p0-reconf"));
        ds.setDataSourceName("c3p0-reconf");
        ds.setInitialPoolSize(1);
        ds.setMinPoolSize(1);
        ds.setMaxPoolSize(3);
        ds.setAcquireIncrement(1);
        try {
            borrow(ds, 2);
            JdbcMetrics.await(
                    "c3p0's connections created before the reset",
                    m -> m.pool("create_time_seconds_count", "c3p0-reconf") == connections(ds));
            long createdBefore = connections(ds);

            Set<ObjectName> beans = JMX.queryNames(new ObjectName("com.mchange.v2.c3p0:type=PooledDataSource,*"), null);
            ObjectName bean = beans.stream()
                    .filter(n -> "c3p0-reconf".equals(n.getKeyProperty("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("c3p0's own MBean for c3p0-reconf in " + beans));
            JMX.setAttribute(bean, new Attribute("maxPoolSize", 4));
            assertThat(ds.getMaxPoolSize()).isEqualTo(4);

            try (Connection a = ds.getConnection();
                    Connection b = ds.getConnection()) {
                assertThat(JdbcMetrics.scrape().used("c3p0-reconf")).isEqualTo(2);
            }
            assertBorrows("c3p0-reconf", 4);
            JdbcMetrics m = JdbcMetrics.await(
                    "c3p0's connections created after the reset",
                    s -> s.pool("create_time_seconds_count", "c3p0-reconf") == createdBefore + connections(ds));
            assertThat(connections(ds)).as("the new pool's connections").isGreaterThanOrEqualTo(2);
            assertThat(m.pool("max", "c3p0-reconf")).isEqualTo(4);
            m.assertNoAgentErrors();
        } finally {
            ds.close();
        }
        PoolScenario.assertGone("c3p0-reconf");
    }

    private static long connections(ComboPooledDataSource ds) {
        try {
            return ds.getNumConnectionsDefaultUser();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
