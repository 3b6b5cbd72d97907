package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentStatus;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Quarkus 3 app (Quarkus REST on Vert.x, an Agroal/H2 datasource) built by the Quarkus Maven plugin as a
 * fast-jar and run with the agent: JAX-RS {@code @Path} templates as routes, one record per request although
 * Vert.x core, Vert.x Web and Quarkus REST all see it, and the jdbc family beside it.
 */
class QuarkusIT extends NonServletServerContract {

    private static final Path RUNNER = Paths.get("target", "quarkus-app", "quarkus-run.jar");

    @Override
    protected ChildJvm.Builder launch() {
        assertThat(Files.isRegularFile(RUNNER))
                .as("%s (built by quarkus:build)", RUNNER)
                .isTrue();
        // the fast-jar's runner finds its lib/ and quarkus/ folders beside the jar
        return ChildJvm.main("io.quarkus.bootstrap.runner.QuarkusEntryPoint")
                .classpath(RUNNER.toAbsolutePath().toString());
    }

    @Override
    protected Class<?> appMain() {
        throw new UnsupportedOperationException("the app is the fast-jar: see launch()");
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "quarkus-rest";
    }

    @Override
    protected int[] load() {
        return new int[] {8, 100};
    }

    @Test
    void vertxRecordsTheRequestsAndAgroalThePool() {
        AgentStatus status = AgentStatus.port(childJvm().metricsPort());
        assertThat(status.applied("vertx")).as("vertx applied").isTrue();
        assertThat(status.applied("agroal")).as("agroal applied").isTrue();
    }

    @Test
    void jdbcCallsThroughAgroalShowBesideTheRequest() {
        for (int i = 0; i < 7; i++) {
            assertThat(http.get("/db").body()).isEqualTo("db 1");
        }
        http.awaitCount(7, HttpFamily.series("GET", 200, "/db", ""));
        Scrape scrape = http.awaitUntil(
                s -> s.sum("db_client_operation_duration_seconds_count", "db_operation_name", "SELECT") >= 7);
        assertThat(scrape.sum("db_client_operation_duration_seconds_count", "db_operation_name", "SELECT"))
                .as("one SELECT per request")
                .isEqualTo(7);
        List<Sample> max = scrape.find("db_client_connection_max");
        assertThat(max).as("the Quarkus datasource's Agroal pool").hasSize(1);
        assertThat(max.get(0).value()).as("quarkus.datasource.jdbc.max-size").isEqualTo(4);
        String pool = max.get(0).labels().get("db_client_connection_pool_name");
        assertThat(scrape.value(
                        "db_client_connection_usage",
                        "db_client_connection_pool_name",
                        pool,
                        "db_client_connection_state",
                        "used"))
                .as("no connection left in use")
                .isZero();
    }
}
