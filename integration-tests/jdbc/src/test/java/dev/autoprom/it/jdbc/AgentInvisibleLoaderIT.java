package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A container that hides the agent's classes from its modules (JBoss Modules without {@code
 * jboss.modules.system.pkgs=dev.autoprom}, OSGi without boot delegation), imitated by a loader that refuses the
 * {@code dev.autoprom} package: the H2 driver it loads must run unchanged and unharmed. Advice inlined into it
 * would throw {@code NoClassDefFoundError} into these calls, from the advice and from its failure handler both.
 */
class AgentInvisibleLoaderIT {

    /** Loads its own copy of H2, and refuses the agent's package as a filtering module loader does. */
    static final class AgentHidingLoader extends URLClassLoader {
        AgentHidingLoader(URL h2Jar) {
            super("agent-hiding", new URL[] {h2Jar}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("dev.autoprom.")) {
                throw new ClassNotFoundException(name + " (hidden from this loader)");
            }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    @Timeout(60)
    void classesThatCannotSeeTheAgentRunUnchangedAndTheRefusalIsCounted() throws Exception {
        double refusedBefore = installerErrors();
        URL h2Jar = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        try (AgentHidingLoader loader = new AgentHidingLoader(h2Jar)) {
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader)
                    .getConstructor()
                    .newInstance();
            assertThat(driver.getClass().getClassLoader()).isSameAs(loader);
            try (Connection c = driver.connect("jdbc:h2:mem:hidden;DB_CLOSE_DELAY=-1", new Properties());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE h (id INT)");
                assertThat(s.executeUpdate("INSERT INTO h VALUES (1), (2)")).isEqualTo(2);
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM h")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(2);
                }
            }
        }
        Scrape scrape = InJvmAgent.scrape();
        // nothing of the hidden driver was recorded, and the one refused loader was counted
        assertThat(scrape.find(JdbcMetrics.OPERATION + "_count", "db_namespace", "hidden"))
                .as(scrape.text())
                .isEmpty();
        assertThat(installerErrors()).isEqualTo(refusedBefore + 1);
    }

    private static double installerErrors() {
        Scrape scrape = InJvmAgent.scrape();
        return scrape.has("autoprom_agent_errors_total", "component", "hidden_loader")
                ? scrape.value("autoprom_agent_errors_total", "component", "hidden_loader")
                : 0;
    }
}
