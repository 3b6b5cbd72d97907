package dev.autoprom.it.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.boot.BootJdbcApp;

/**
 * A Spring Boot application with actuator, micrometer-registry-prometheus, JdbcTemplate and JPA over HikariCP,
 * the agent attached: every borrowed connection is counted exactly once by the agent and once by actuator
 * (actuator sets its Hikari tracker on the running pool; the agent's keeps recording), Spring MVC routes are
 * templates, Hibernate's queries are recorded once. The Boot version and the servlet container are the module's (3.5 or 4.0; Tomcat, or Jetty 12 on 4.0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootJdbcIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final String POOL = "boot-pool";
    private static final String[] LINKAGE_PROBLEMS = {
        "LinkageError",
        "ClassCastException",
        "NoSuchMethodError",
        "NoClassDefFoundError",
        "VerifyError",
        "IncompatibleClassChangeError",
        "[autoprom] WARN",
        "[autoprom] ERROR",
        "Failed to bind Hikari metrics"
    };

    private ChildJvm app;
    private String base;

    @BeforeAll
    void start() {
        app = ChildJvm.main(BootJdbcApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start();
        base = "http://127.0.0.1:"
                + app.awaitOutput("ready port=(\\d+)", STARTUP).group(1);
    }

    @AfterAll
    void stop() {
        try {
            Scrape agent = app.scrape();
            assertThat(agent.sum("autoprom_agent_errors_total"))
                    .as("agent errors")
                    .isZero();
            // after the requests: every hook matched this Boot's HikariCP, servlet container and H2
            HookCoverage.port(app.metricsPort())
                    .assertAllHooksMatched("hikaricp", System.getProperty("expected.hikaricp"))
                    .assertHooksMatchedClasses("servlet", "JakartaServletAdvice")
                    .assertHooksMatchedClasses(
                            "jdbc-statement",
                            "ExecuteSqlAdvice",
                            "ExecuteAdvice",
                            "PrepareAdvice",
                            "CreateStatementAdvice");
            assertThat(app.output()).doesNotContain(LINKAGE_PROBLEMS);
        } finally {
            app.close();
        }
    }

    @Test
    void runsTheVersionsOfTheMatrixWithActuatorsTrackerOnThePool() {
        Matcher versions = app.awaitOutput(
                "versions boot=(\\S+) hibernate=(\\S+) server=(\\S+) hikari=(\\S+) " + "tracker=(\\S+)", STARTUP);
        assertThat(versions.group(1)).isEqualTo(System.getProperty("boot.expected.version"));
        assertThat(versions.group(3))
                .as("the servlet container")
                .startsWith(System.getProperty("expected.server", "Apache-Tomcat/"));
        assertThat(versions.group(5))
                .as("actuator's tracker factory on the pool")
                .isEqualTo("MicrometerMetricsTrackerFactory");
        System.out.println("Spring Boot " + versions.group(1) + ", Hibernate " + versions.group(2) + ", "
                + versions.group(3) + ", HikariCP " + versions.group(4));
    }

    @Test
    void everyBorrowIsCountedExactlyOnceByTheAgentAndByActuator() {
        Counts before = counts();
        // actuator set its tracker on the running pool: JPA's start-up borrowed before it, and only we saw that
        assertThat(before.ourWaits())
                .as("borrows before actuator's tracker was set")
                .isGreaterThan(before.actuatorAcquires());
        int requests = 40;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = Scrape.get(base + "/users/" + (i % 10));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("user " + (i % 10));
        }
        Counts after = awaitCounts(before, Counts.each(requests, "/users/{id}"));
        System.out.println("/users: before " + before + ", after " + after);
        assertThat(after.minus(before)).isEqualTo(Counts.each(requests, "/users/{id}"));
    }

    @Test
    void hibernateQueriesThroughThePoolAreRecordedOnce() {
        Counts before = counts();
        int requests = 15;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = Scrape.get(base + "/orders/" + (i % 10 + 1));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("item " + (i % 10 + 1));
        }
        Counts after = awaitCounts(before, Counts.each(requests, "/orders/{id}"));
        System.out.println("/orders: before " + before + ", after " + after);
        assertThat(after.minus(before)).isEqualTo(Counts.each(requests, "/orders/{id}"));
    }

    /**
     * The counts once they reached {@code expected} over {@code before}, or after 10 s: a request is recorded when
     * its response completes, which can be a moment after the client has read it.
     */
    private Counts awaitCounts(Counts before, Counts expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Counts after = counts();
        while (!after.minus(before).equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = counts();
        }
        return after;
    }

    private Counts counts() {
        Scrape ours = app.scrape();
        Scrape actuator = Scrape.url(base + "/actuator/prometheus");
        return new Counts(
                (long) ours.value(
                        "db_client_connection_wait_time_seconds_count", "db_client_connection_pool_name", POOL),
                (long) ours.value(
                        "db_client_connection_use_time_seconds_count", "db_client_connection_pool_name", POOL),
                (long) actuator.value("hikaricp_connections_acquire_seconds_count", "pool", POOL),
                (long) actuator.value("hikaricp_connections_usage_seconds_count", "pool", POOL),
                (long) ours.sum(
                        "db_client_operation_duration_seconds_count",
                        "db_system_name",
                        "h2",
                        "db_namespace",
                        "bootdb",
                        "db_operation_name",
                        "SELECT",
                        "error_type",
                        ""),
                routes(ours, "/users/{id}"),
                routes(ours, "/orders/{id}"));
    }

    private static long routes(Scrape ours, String route) {
        return (long) ours.sum(
                "http_server_request_duration_seconds_count",
                "http_request_method",
                "GET",
                "http_response_status_code",
                "200",
                "http_route",
                route);
    }

    /** What one workload changes: the pool's borrows on both sides, the SELECTs, the requests per route. */
    record Counts(
            long ourWaits,
            long ourUses,
            long actuatorAcquires,
            long actuatorUses,
            long selects,
            long usersRoute,
            long ordersRoute) {

        /** {@code n} requests on {@code route}, each borrowing one connection for one SELECT. */
        static Counts each(long n, String route) {
            return new Counts(n, n, n, n, n, route.equals("/users/{id}") ? n : 0, route.equals("/orders/{id}") ? n : 0);
        }

        Counts minus(Counts o) {
            return new Counts(
                    ourWaits - o.ourWaits,
                    ourUses - o.ourUses,
                    actuatorAcquires - o.actuatorAcquires,
                    actuatorUses - o.actuatorUses,
                    selects - o.selects,
                    usersRoute - o.usersRoute,
                    ordersRoute - o.ordersRoute);
        }
    }
}
