package dev.autoprom.it.hardening;

import static hardeningapp.RedeployApp.DEPLOYMENTS;
import static hardeningapp.RedeployApp.REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import hardeningapp.RedeployApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link RedeployApp}: a web application (its own servlet and H2 driver in its own class loader) deployed three
 * times in embedded Tomcat 11 with the agent attached, serving requests that the agent records (servlet and JDBC
 * advice applied to classes of the webapp's loader), then undeployed: every webapp class loader is collected.
 */
class RedeployLeakIT {

    @Test
    void undeployedWebappClassLoadersAreCollected() {
        try (ChildJvm app = ChildJvm.main(RedeployApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start()) {
            app.awaitOutput("REDEPLOY DONE", Duration.ofSeconds(120));
            assertThat(Endpoints.results(app))
                    .hasSize(DEPLOYMENTS * REQUESTS)
                    .allMatch(r -> r.endsWith(" = 200 ParallelWebappClassLoader 42"));
            Scrape scrape = app.scrape();
            // the agent did instrument the webapp's classes
            assertThat(scrape.value(
                            "http_server_request_duration_seconds_count",
                            "http_route",
                            "/app/hello",
                            "http_response_status_code",
                            "200"))
                    .isEqualTo(DEPLOYMENTS * REQUESTS);
            assertThat(scrape.value(
                            "db_client_operation_duration_seconds_count",
                            "db_namespace",
                            "webappdb",
                            "db_operation_name",
                            "SELECT"))
                    .isEqualTo(DEPLOYMENTS * REQUESTS);
            for (Sample error : scrape.find("autoprom_agent_errors_total")) {
                assertThat(error.value()).as(error.toString()).isZero();
            }
            System.out.println("redeploy: " + Endpoints.printed(app, "LOADERS_COLLECTED") + " of " + DEPLOYMENTS
                    + " webapp loaders collected after " + Endpoints.printed(app, "GCS") + " System.gc() calls");
            assertThat(Endpoints.printed(app, "LOADERS_COLLECTED")).isEqualTo(DEPLOYMENTS);
        }
    }

    /** With advice failing on entry and exit of every instrumented method: same answers, loaders still collected. */
    @Test
    void faultInjectedAgentNeitherBreaksTheWebappNorPinsItsLoader() {
        try (ChildJvm app = ChildJvm.main(RedeployApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            app.awaitOutput("REDEPLOY DONE", Duration.ofSeconds(120));
            assertThat(Endpoints.results(app))
                    .hasSize(DEPLOYMENTS * REQUESTS)
                    .allMatch(r -> r.endsWith(" = 200 ParallelWebappClassLoader 42"));
            assertThat(app.scrape().value("autoprom_agent_errors_total", "component", "advice"))
                    .isGreaterThanOrEqualTo(2 * 2 * DEPLOYMENTS * REQUESTS);
            assertThat(Endpoints.printed(app, "LOADERS_COLLECTED")).isEqualTo(DEPLOYMENTS);
        }
    }
}
