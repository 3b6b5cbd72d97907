package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pool scenario (exhaustion, timeout, pending, release, close) on DBCP2, Tomcat JDBC and c3p0 over H2 (Agroal: AgroalPoolIT). */
class OtherPoolsIT {

    @BeforeAll
    static void startH2() throws Exception {
        DriverManager.getConnection(url("warm-up")).close();
    }

    static String url(String database) {
        return "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void dbcp2() throws Exception {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl(url("dbcp2"));
        ds.setMaxTotal(2);
        ds.setMaxWait(Duration.ofMillis(250));
        ds.setJmxName("org.apache.commons.dbcp2:name=dbcp2-exhaust");
        PoolScenario.exhaustAndRelease(ds, "dbcp2-exhaust");
        Workload.crud(ds, "t", 2, 2, 2);
        Workload.assertCrudCounts(JdbcMetrics.scrape(), "h2", "dbcp2", 2, 2, 2);
        ds.close();
        PoolScenario.assertGone("dbcp2-exhaust");
    }

    @Test
    void unnamedDbcp2PoolGetsALibraryName() throws Exception {
        BasicDataSource ds = new BasicDataSource();
        ds.setUrl(url("dbcp2-unnamed"));
        ds.setMaxTotal(5);
        ds.getConnection().close();
        assertThat(JdbcMetrics.scrape().pool("max", JdbcMetrics.scrape().poolNamed("dbcp2-\\d+")))
                .isEqualTo(5);
        ds.close();
    }

    @Test
    void unnamedTomcatAndC3p0PoolsGetTheLibrarysDefaultName() throws Exception {
        PoolProperties p = new PoolProperties();
        p.setUrl(url("tomcat-unnamed"));
        p.setDriverClassName("org.h2.Driver");
        p.setMaxActive(7);
        org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource(p);
        ComboPooledDataSource c3p0 = new ComboPooledDataSource();
        c3p0.setJdbcUrl(url("c3p0-unnamed"));
        c3p0.setMaxPoolSize(9);
        try {
            tomcat.getConnection().close();
            c3p0.getConnection().close();
            JdbcMetrics m = JdbcMetrics.scrape();
            assertThat(m.pool("max", tomcat.getPool().getName())).isEqualTo(7);
            assertThat(tomcat.getPool().getName()).startsWith("Tomcat Connection Pool[");
            assertThat(m.pool("max", c3p0.getDataSourceName())).isEqualTo(9);
        } finally {
            tomcat.close();
            c3p0.close();
        }
    }

    @Test
    void tomcatJdbc() throws Exception {
        PoolProperties p = new PoolProperties();
        p.setUrl(url("tomcat"));
        p.setDriverClassName("org.h2.Driver");
        p.setMaxActive(2);
        p.setMaxIdle(2);
        p.setMinIdle(0);
        p.setInitialSize(0);
        p.setMaxWait(250);
        p.setName("tomcat-exhaust");
        org.apache.tomcat.jdbc.pool.DataSource ds = new org.apache.tomcat.jdbc.pool.DataSource(p);
        PoolScenario.exhaustAndRelease(ds, "tomcat-exhaust");
        Workload.crud(ds, "t", 3, 1, 2);
        Workload.assertCrudCounts(JdbcMetrics.scrape(), "h2", "tomcat", 3, 1, 2);
        ds.close();
        PoolScenario.assertGone("tomcat-exhaust");
    }

    @Test
    void c3p0() throws Exception {
        ComboPooledDataSource ds = new ComboPooledDataSource();
        ds.setJdbcUrl(url("c3p0"));
        ds.setMaxPoolSize(2);
        ds.setMinPoolSize(1);
        ds.setInitialPoolSize(1);
        ds.setAcquireIncrement(1);
        ds.setCheckoutTimeout(250);
        ds.setDataSourceName("c3p0-exhaust");
        PoolScenario.exhaustAndRelease(ds, "c3p0-exhaust");
        Workload.crud(ds, "t", 1, 2, 3);
        Workload.assertCrudCounts(JdbcMetrics.scrape(), "h2", "c3p0", 1, 2, 3);
        ds.close();
        PoolScenario.assertGone("c3p0-exhaust");
    }
}
