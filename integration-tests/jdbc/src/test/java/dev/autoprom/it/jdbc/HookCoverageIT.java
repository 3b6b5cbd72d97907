package dev.autoprom.it.jdbc;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariDataSource;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.InJvmAgent;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hook of the JDBC instrumentations matches the library versions this module runs (the module's pom names
 * them in {@code expected.<instrumentation>}): each pool is used once, so that every hooked class is loaded and
 * transformed, then {@code /autoprom} is read.
 */
class HookCoverageIT {

    private static HookCoverage coverage;

    @BeforeAll
    static void useEveryPool() throws Exception {
        coverage = HookCoverage.port(InJvmAgent.port());
        if (has("com.zaxxer.hikari.HikariDataSource")) {
            try (HikariDataSource hikari = new HikariDataSource(HikariPoolIT.config("hooks-hikari", 2))) {
                use(hikari);
            }
        }
        if (has("org.apache.commons.dbcp2.BasicDataSource")) {
            BasicDataSource dbcp2 = new BasicDataSource();
            dbcp2.setUrl(OtherPoolsIT.url("hooks-dbcp2"));
            use(dbcp2);
            dbcp2.close();
        }
        if (has("org.apache.tomcat.jdbc.pool.DataSource")) {
            PoolProperties p = new PoolProperties();
            p.setUrl(OtherPoolsIT.url("hooks-tomcat"));
            p.setDriverClassName("org.h2.Driver");
            org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource(p);
            use(tomcat);
            tomcat.close();
        }
        if (has("com.mchange.v2.c3p0.ComboPooledDataSource")) {
            ComboPooledDataSource c3p0 = new ComboPooledDataSource();
            c3p0.setJdbcUrl(OtherPoolsIT.url("hooks-c3p0"));
            use(c3p0);
            c3p0.close();
        }
        try (AgroalDataSource agroal = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(2)
                        .connectionFactoryConfiguration(
                                factory -> factory.jdbcUrl(OtherPoolsIT.url("hooks-agroal")))))) {
            use(agroal);
        }
    }

    private static boolean has(String className) {
        try {
            Class.forName(className, false, HookCoverageIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A borrow, a plain and a prepared statement, a batch: what every hook of the pool and statements sees. */
    private static void use(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hooks (id INT)");
            s.executeUpdate("DELETE FROM hooks");
            s.executeQuery("SELECT 1").close();
            s.addBatch("DELETE FROM hooks");
            s.executeBatch();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hooks VALUES (?)")) {
                p.setInt(1, 1);
                p.execute();
                p.executeUpdate();
                p.executeQuery("SELECT 1").close();
            } catch (java.sql.SQLException executeQueryWithSqlOnAPreparedStatementIsRefused) {
                // H2 refuses executeQuery(sql) on a prepared statement; the call was still made (and recorded)
            }
        }
    }

    private static String expected(String instrumentation) {
        String version = System.getProperty("expected." + instrumentation);
        if (version == null) {
            throw new AssertionError("the module's pom sets no expected." + instrumentation);
        }
        return version;
    }

    @Test
    void hikariCp() {
        coverage.assertAllHooksMatched("hikaricp", expected("hikaricp"));
    }

    @Test
    void dbcp2() {
        coverage.assertAllHooksMatched("dbcp2", expected("dbcp2"));
    }

    @Test
    void tomcatJdbc() {
        coverage.assertAllHooksMatched("tomcat-jdbc", expected("tomcat-jdbc"));
    }

    @Test
    void c3p0() {
        coverage.assertAllHooksMatched("c3p0", expected("c3p0"));
    }

    @Test
    void agroal() {
        coverage.assertAllHooksMatched("agroal", expected("agroal"));
    }

    @Test
    void statementsOfTheH2Driver() {
        coverage.assertHooksMatchedClasses(
                "jdbc-statement",
                "ExecuteSqlAdvice",
                "ExecuteAdvice",
                "ExecuteBatchAdvice",
                "PrepareAdvice",
                "CreateStatementAdvice",
                "CloseAdvice");
    }
}
