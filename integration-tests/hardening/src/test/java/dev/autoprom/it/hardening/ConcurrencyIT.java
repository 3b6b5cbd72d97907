package dev.autoprom.it.hardening;

import static hardeningapp.ConcurrencyApp.ITERATIONS;
import static hardeningapp.ConcurrencyApp.THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import hardeningapp.ConcurrencyApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyApp}: 32 threads over every family at once; every family's counts are exact. */
class ConcurrencyIT {

    @Test
    void thirtyTwoThreadsAcrossEveryFamilyCountExactly() {
        try (ChildJvm app = ChildJvm.main(ConcurrencyApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .property("sun.net.httpserver.nodelay", "true")
                .start()) {
            app.awaitOutput("CONC DONE", Duration.ofSeconds(150));
            assertThat(Endpoints.printed(app, "CONC_MISMATCHES")).isZero();
            Scrape scrape = app.scrape();
            int rounds = THREADS * ITERATIONS;
            int failing = THREADS * ((ITERATIONS + 4) / 5);

            String http = "http_server_request_duration_seconds_count";
            assertThat(scrape.value(
                            http,
                            "http_route",
                            "/items/",
                            "http_request_method",
                            "GET",
                            "http_response_status_code",
                            "200"))
                    .isEqualTo(rounds);
            assertThat(scrape.value(
                            http,
                            "http_route",
                            "/v1/",
                            "http_request_method",
                            "POST",
                            "http_response_status_code",
                            "200"))
                    .isEqualTo(rounds);
            assertThat(scrape.sum(http)).isEqualTo(2 * rounds);
            assertThat(scrape.sum("http_server_active_requests")).isZero();

            String db = "db_client_operation_duration_seconds_count";
            assertThat(scrape.value(db, "db_namespace", "conc", "db_operation_name", "SELECT", "error_type", ""))
                    .isEqualTo(rounds - failing);
            assertThat(scrape.value(db, "db_namespace", "conc", "db_operation_name", "SELECT", "error_type", "22"))
                    .isEqualTo(failing);
            assertThat(scrape.sum(db)).isEqualTo(rounds);

            String[] ws = {"websocket_library", "jdk", "server_address", "127.0.0.1"};
            assertThat(scrape.value("websocket_client_connect_duration_seconds_count", ws))
                    .isEqualTo(THREADS);
            assertThat(scrape.value(
                            "websocket_client_message_size_bytes_count",
                            "direction",
                            "sent",
                            "websocket_message_type",
                            "text"))
                    .isEqualTo(rounds);
            assertThat(scrape.value(
                            "websocket_client_message_size_bytes_count",
                            "direction",
                            "received",
                            "websocket_message_type",
                            "text"))
                    .isEqualTo(rounds);
            assertThat(scrape.value(
                            "websocket_client_connection_duration_seconds_count", "websocket_close_code", "1000"))
                    .isEqualTo(THREADS);
            assertThat(scrape.value("websocket_client_connections_active", ws)).isZero();

            assertThat(scrape.value(
                            "gen_ai_client_operation_duration_seconds_count",
                            "gen_ai_request_model",
                            "gpt-conc",
                            "error_type",
                            ""))
                    .isEqualTo(rounds);
            assertThat(scrape.value(
                            "gen_ai_client_token_usage_sum",
                            "gen_ai_request_model",
                            "gpt-conc",
                            "gen_ai_token_type",
                            "input"))
                    .isEqualTo(11L * rounds);
            assertThat(scrape.value(
                            "gen_ai_client_token_usage_sum",
                            "gen_ai_request_model",
                            "gpt-conc",
                            "gen_ai_token_type",
                            "output"))
                    .isEqualTo(7L * rounds);

            assertThat(scrape.value(
                            "db_client_connection_usage",
                            "db_client_connection_pool_name",
                            "hardening-pool",
                            "db_client_connection_state",
                            "used"))
                    .isZero();
            for (Sample error : scrape.find("autoprom_agent_errors_total")) {
                assertThat(error.value()).as(error.toString()).isZero();
            }
        }
    }
}
