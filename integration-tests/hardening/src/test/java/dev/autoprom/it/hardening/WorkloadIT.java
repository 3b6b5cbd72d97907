package dev.autoprom.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import hardeningapp.Stack;
import hardeningapp.WorkloadApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkloadApp} (every family, with failures and secrets) run without the agent, with it, and with it and
 * {@code autoprom.test.fault.injection=true} (advice that throws on entry and exit of every instrumented method; on
 * Java 17 and on Temurin 25):
 * the application sees exactly the same results each time; with the agent every family's counts are exact, and no
 * secret reaches {@code /metrics} (text, OpenMetrics, protobuf) or {@code /autoprom}.
 */
class WorkloadIT {

    private static final Duration RUN = Duration.ofSeconds(90);
    private static final Path JAVA_25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static List<String> baseline;

    /** What the application prints without any agent. */
    @BeforeAll
    static void runWithoutAgent() {
        try (ChildJvm app = ChildJvm.main(WorkloadApp.class).withoutAgent().start()) {
            app.awaitOutput("WORKLOAD DONE", RUN);
            baseline = Endpoints.results(app);
        }
        assertThat(baseline).hasSize(31);
        assertThat(baseline)
                .contains(
                        "RESULT http boom = ",
                        "RESULT sql select = rows 2 [1,ann] [3,cid]",
                        "RESULT ws echo 2 = message-2-" + Stack.PROMPT,
                        "RESULT ai chat 1 = " + Stack.COMPLETION,
                        "RESULT ai stream = " + Stack.COMPLETION,
                        "RESULT ai ratelimit = failed com.openai.errors.RateLimitException 429: Rate limit reached for requests");
    }

    @Test
    void faultInjectedAgentChangesNothingTheApplicationSees() {
        faultInjected(ChildJvm.main(WorkloadApp.class));
    }

    @Test
    void faultInjectedAgentChangesNothingOnJava25() {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "Temurin 25 not installed at " + JAVA_25);
        faultInjected(ChildJvm.main(WorkloadApp.class).javaHome(JAVA_25));
    }

    private static void faultInjected(ChildJvm.Builder builder) {
        try (ChildJvm app = builder.agentArgs("port=0,host=127.0.0.1")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            app.awaitOutput("WORKLOAD DONE", RUN);
            assertThat(Endpoints.results(app)).containsExactlyElementsOf(baseline);
            Scrape scrape = app.scrape();
            double adviceErrors = scrape.value("autoprom_agent_errors_total", "component", "advice");
            System.out.println("fault injection: autoprom_agent_errors_total{component=\"advice\"} = " + adviceErrors);
            // at least one throw on entry and one on exit per instrumented call the workload made (11 HTTP
            // requests, 11 SQL statements, 4 SDK calls, 9 WebSocket sends)
            assertThat(adviceErrors).isGreaterThanOrEqualTo(2 * (11 + 11 + 4 + 9));
            // every instrumented class was transformed (a refused advice would leave a whole class untouched)
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "installer"))
                    .isZero();
            // the real advice still ran to its end: every operation recorded, nothing left in flight
            assertThat(scrape.sum("http_server_request_duration_seconds_count")).isEqualTo(15);
            assertThat(scrape.sum("db_client_operation_duration_seconds_count", "db_namespace", "workload"))
                    .isEqualTo(11);
            assertThat(scrape.sum("gen_ai_client_operation_duration_seconds_count"))
                    .isEqualTo(4);
            assertThat(scrape.sum("websocket_client_connection_duration_seconds_count"))
                    .isEqualTo(2);
            assertThat(scrape.sum("http_server_active_requests")).isZero();
            assertThat(scrape.sum("websocket_client_connections_active")).isZero();
            assertThat(scrape.value(
                            "db_client_connection_usage",
                            "db_client_connection_pool_name",
                            "hardening-pool",
                            "db_client_connection_state",
                            "used"))
                    .isZero();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }

    @Test
    void everyFamilyCountsExactlyAndNoSecretLeaks() {
        try (ChildJvm app = ChildJvm.main(WorkloadApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start()) {
            app.awaitOutput("WORKLOAD DONE", RUN);
            assertThat(Endpoints.results(app)).containsExactlyElementsOf(baseline);
            Scrape scrape = app.scrape();

            String http = "http_server_request_duration_seconds_count";
            assertThat(scrape.value(http, "http_route", "/hello", "http_request_method", "GET"))
                    .isEqualTo(5);
            assertThat(scrape.value(http, "http_route", "/hello", "http_request_method", "POST"))
                    .isEqualTo(1);
            assertThat(scrape.value(http, "http_route", "/items/", "http_response_status_code", "200"))
                    .isEqualTo(3);
            assertThat(scrape.value(http, "http_route", "/missing", "http_response_status_code", "404"))
                    .isEqualTo(1);
            assertThat(scrape.value(
                            http,
                            "http_route",
                            "/boom",
                            "http_response_status_code",
                            "500",
                            "error_type",
                            "java.lang.IllegalStateException"))
                    .isEqualTo(1);
            assertThat(scrape.sum(http, "http_route", "/v1/")).isEqualTo(4);
            assertThat(scrape.sum(http)).isEqualTo(15);

            String db = "db_client_operation_duration_seconds_count";
            String[] ns = {"db_namespace", "workload", "db_system_name", "h2"};
            assertThat(scrape.sum(db, with(ns, "db_operation_name", "CREATE"))).isEqualTo(1);
            assertThat(scrape.value(db, with(ns, "db_operation_name", "INSERT", "error_type", "")))
                    .isEqualTo(3);
            assertThat(scrape.value(db, with(ns, "db_operation_name", "INSERT", "error_type", "23")))
                    .isEqualTo(1);
            assertThat(scrape.value(db, with(ns, "db_operation_name", "SELECT", "error_type", "")))
                    .isEqualTo(3);
            assertThat(scrape.value(db, with(ns, "db_operation_name", "SELECT", "error_type", "42")))
                    .isEqualTo(1);
            assertThat(scrape.sum(db, with(ns, "db_operation_name", "UPDATE"))).isEqualTo(1);
            assertThat(scrape.sum(db, with(ns, "db_operation_name", "DELETE"))).isEqualTo(1);
            assertThat(scrape.sum(db)).isEqualTo(11);

            String[] ws = {"websocket_library", "jdk", "server_address", "127.0.0.1"};
            assertThat(scrape.value("websocket_client_connect_duration_seconds_count", with(ws, "error_type", "")))
                    .isEqualTo(2);
            String size = "websocket_client_message_size_bytes";
            for (String direction : new String[] {"sent", "received"}) {
                String[] labels = with(ws, "direction", direction, "websocket_message_type", "text");
                assertThat(scrape.value(size + "_count", labels)).isEqualTo(4);
                long bytes = 3 * ("message-0-" + Stack.PROMPT).length() + "hi".length();
                assertThat(scrape.value(size + "_sum", labels)).isEqualTo(bytes);
            }
            assertThat(scrape.value(
                            "websocket_client_connection_duration_seconds_count",
                            with(ws, "websocket_close_code", "1000")))
                    .isEqualTo(2);
            assertThat(scrape.value("websocket_client_connections_active", ws)).isZero();

            String[] ai = {"gen_ai_provider_name", "openai", "gen_ai_operation_name", "chat"};
            String ops = "gen_ai_client_operation_duration_seconds_count";
            assertThat(scrape.value(ops, with(ai, "gen_ai_request_model", "gpt-hardening", "error_type", "")))
                    .isEqualTo(3);
            assertThat(scrape.value(
                            ops,
                            with(
                                    ai,
                                    "gen_ai_request_model",
                                    "gpt-hardening-ratelimit",
                                    "error_type",
                                    "RateLimitException")))
                    .isEqualTo(1);
            assertThat(scrape.sum(
                            "gen_ai_client_token_usage_sum",
                            "gen_ai_request_model",
                            "gpt-hardening",
                            "gen_ai_token_type",
                            "input"))
                    .isEqualTo(11 + 11 + 9);
            assertThat(scrape.sum(
                            "gen_ai_client_token_usage_sum",
                            "gen_ai_request_model",
                            "gpt-hardening",
                            "gen_ai_token_type",
                            "output"))
                    .isEqualTo(7 + 7 + 3);

            for (Sample error : scrape.find("autoprom_agent_errors_total")) {
                assertThat(error.value()).as(error.toString()).isZero();
            }

            for (String body : Endpoints.allRepresentations(app.metricsPort())) {
                assertThat(body)
                        .doesNotContain(
                                Stack.SQL_SECRET,
                                Stack.URL_TOKEN,
                                Stack.USER_INFO_PASSWORD,
                                "alice",
                                Stack.API_KEY,
                                "APIKEYMARKER",
                                Stack.HEADER_SECRET,
                                "PROMPTMARKER",
                                "COMPLETIONMARKER",
                                "ORGMARKER",
                                "token=",
                                "/hello/",
                                "/items/0",
                                "no_such_table",
                                "users",
                                "'ann'");
            }
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
