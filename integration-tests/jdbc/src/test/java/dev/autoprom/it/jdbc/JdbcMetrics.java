package dev.autoprom.it.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The family's assertion helper: scrapes the agent running in this test JVM (its port is set in the pom) and
 * reads the JDBC series by their labels.
 */
final class JdbcMetrics {

    static final String OPERATION = "db_client_operation_duration_seconds";

    private final Scrape scrape;

    private JdbcMetrics(Scrape scrape) {
        this.scrape = scrape;
    }

    static JdbcMetrics scrape() {
        return new JdbcMetrics(InJvmAgent.scrape());
    }

    /** Scrapes until {@code condition} holds (or fails with the last scrape after 10 s). */
    static JdbcMetrics await(String what, Predicate<JdbcMetrics> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JdbcMetrics metrics = scrape();
        while (!condition.test(metrics)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last scrape:\n" + metrics.jdbcLines());
            }
            sleep(50);
            metrics = scrape();
        }
        return metrics;
    }

    /** Successful executions of {@code operation} against database {@code namespace}. */
    long operations(String system, String namespace, String operation) {
        return operations(system, namespace, operation, "");
    }

    long operations(String system, String namespace, String operation, String errorType) {
        return (long) scrape.sum(
                OPERATION + "_count",
                "db_system_name",
                system,
                "db_namespace",
                namespace,
                "db_operation_name",
                operation,
                "error_type",
                errorType);
    }

    /** All executions (every operation and outcome) against database {@code namespace}. */
    long allOperations(String namespace) {
        return (long) scrape.sum(OPERATION + "_count", "db_namespace", namespace);
    }

    /** A pool gauge or counter ({@code usage} needs a state: "idle"/"used"). */
    double pool(String metric, String pool, String... moreLabels) {
        String[] labels = new String[2 + moreLabels.length];
        labels[0] = "db_client_connection_pool_name";
        labels[1] = pool;
        System.arraycopy(moreLabels, 0, labels, 2, moreLabels.length);
        return scrape.value("db_client_connection_" + metric, labels);
    }

    double used(String pool) {
        return pool("usage", pool, "db_client_connection_state", "used");
    }

    double idle(String pool) {
        return pool("usage", pool, "db_client_connection_state", "idle");
    }

    /** The one pool whose name matches {@code regex} (for libraries that name pools themselves). */
    String poolNamed(String regex) {
        List<String> names = scrape.find("db_client_connection_max").stream()
                .map(s -> s.labels().get("db_client_connection_pool_name"))
                .filter(n -> n.matches(regex))
                .distinct()
                .collect(Collectors.toList());
        assertThat(names).as("pools named %s", regex).hasSize(1);
        return names.get(0);
    }

    boolean hasPool(String pool) {
        return !scrape.where(s -> pool.equals(s.labels().get("db_client_connection_pool_name")))
                .isEmpty();
    }

    /** Asserts every pool metric of the catalog is present for {@code pool}. */
    void assertAllPoolSeries(String pool) {
        for (String metric : new String[] {
            "usage",
            "idle_max",
            "idle_min",
            "max",
            "pending_requests",
            "timeouts_total",
            "create_time_seconds_count",
            "wait_time_seconds_count",
            "use_time_seconds_count"
        }) {
            assertThat(scrape.has("db_client_connection_" + metric, "db_client_connection_pool_name", pool))
                    .as("%s for pool %s in\n%s", metric, pool, jdbcLines())
                    .isTrue();
        }
    }

    /** No failure inside the JDBC instrumentation so far (they would otherwise only be logged and counted). */
    void assertNoAgentErrors() {
        assertThat(scrape.sum("autoprom_agent_errors_total", "component", "jdbc.pool")
                        + scrape.sum("autoprom_agent_errors_total", "component", "jdbc.statement")
                        + scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                .as("autoprom_agent_errors_total for jdbc components")
                .isZero();
    }

    String text() {
        return scrape.text();
    }

    String jdbcLines() {
        StringBuilder out = new StringBuilder();
        for (String line : scrape.text().split("\n")) {
            if (line.startsWith("db_client")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
