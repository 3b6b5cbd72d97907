package dev.autoprom.it.genai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.HookCoverage;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gemini Live sessions (google-genai's {@code client.async.live}) against a fake Live server speaking the
 * BidiGenerateContent JSON over TLS WebSocket ({@link LiveChildApp} in a child JVM with the real agent): one
 * session with two turns closed by the application, one cut by the server mid-turn. Sessions, turns, tokens, and
 * the WebSocket itself in {@code websocket_client_*}.
 */
class GeminiLiveIT {

    static final String SESSION = "gen_ai_client_session_duration_seconds_count";
    static final String TURNS = "gen_ai_client_operation_duration_seconds_count";
    static final String MODEL = "gemini-live-it";
    static final String DROPPED = "gemini-live-it-drop";

    static ChildJvm app;
    static Scrape scrape;

    @BeforeAll
    static void runTheSessions() {
        app = ChildJvm.main(LiveChildApp.class).start();
        app.awaitOutput("sessions done", Duration.ofSeconds(90));
        // the sessions, the dropped session's cut turn and the sockets' closes are recorded on OkHttp's reader
        // threads, each a moment after the child's main saw its session end: wait until all of them are there
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            scrape = app.scrape();
        } while (!allRecorded(scrape) && System.nanoTime() < deadline && pause());
    }

    private static boolean allRecorded(Scrape scrape) {
        return scrape.sum(SESSION) >= 2
                && scrape.sum(TURNS, "gen_ai_request_model", DROPPED) >= 1
                && scrape.sum(TURNS, "gen_ai_request_model", MODEL) >= 2
                && scrape.sum("websocket_client_connection_duration_seconds_count", "websocket_library", "okhttp") >= 2;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            // the child's own log (the SDK's, the fake's, the agent's) for the failsafe report
            System.out.println("GeminiLiveIT child output:\n" + app.output());
            app.close();
        }
    }

    @Test
    void everyLiveHookMatchedThisVersion() {
        HookCoverage.port(app.metricsPort()).assertAllHooksMatched("googlegenai-live", "google-genai 2.0.0");
    }

    @Test
    void oneSessionSampleEachWithTheErrorTypeOfTheOneThatFailed() {
        assertThat(scrape.sum(SESSION)).as(app.output()).isEqualTo(2);
        assertThat(scrape.sum(
                        SESSION, "gen_ai_request_model", MODEL, "gen_ai_provider_name", "gcp.gemini", "error_type", ""))
                .isEqualTo(1);
        assertThat(scrape.sum(
                        SESSION,
                        "gen_ai_request_model",
                        DROPPED,
                        "gen_ai_provider_name",
                        "gcp.gemini",
                        "error_type",
                        "EOFException"))
                .as(scrape.find(SESSION).toString())
                .isEqualTo(1);
        // a session lasts at least its turns
        assertThat(scrape.sum("gen_ai_client_session_duration_seconds_sum", "gen_ai_request_model", MODEL))
                .isGreaterThanOrEqualTo(
                        scrape.sum("gen_ai_client_operation_duration_seconds_sum", "gen_ai_request_model", MODEL));
    }

    @Test
    void eachTurnIsAnOperationWithItsFirstChunkAndItsUsage() {
        assertThat(scrape.sum(
                        TURNS,
                        "gen_ai_request_model",
                        MODEL,
                        "gen_ai_operation_name",
                        "chat",
                        "gen_ai_provider_name",
                        "gcp.gemini",
                        "error_type",
                        ""))
                .isEqualTo(2);
        assertThat(scrape.sum(
                        "gen_ai_client_operation_time_to_first_chunk_seconds_count", "gen_ai_request_model", MODEL))
                .isEqualTo(2);
        assertThat(scrape.sum(
                        "gen_ai_client_operation_time_per_output_chunk_seconds_count", "gen_ai_request_model", MODEL))
                .isEqualTo(2);
        assertThat(scrape.sum(
                        "gen_ai_client_token_usage_sum", "gen_ai_request_model", MODEL, "gen_ai_token_type", "input"))
                .isEqualTo(FakeLiveServer.TURN_IN[0] + FakeLiveServer.TURN_IN[1]);
        assertThat(scrape.sum(
                        "gen_ai_client_token_usage_sum", "gen_ai_request_model", MODEL, "gen_ai_token_type", "output"))
                .isEqualTo(FakeLiveServer.TURN_OUT[0] + FakeLiveServer.TURN_OUT[1]);
        assertThat(scrape.sum(
                        "gen_ai_client_token_usage_count",
                        "gen_ai_request_model",
                        MODEL,
                        "gen_ai_token_type",
                        "output"))
                .isEqualTo(2);
    }

    @Test
    void theTurnCutByTheServerEndsWithTheSession() {
        assertThat(scrape.sum(TURNS, "gen_ai_request_model", DROPPED)).isEqualTo(1);
        assertThat(scrape.sum(TURNS, "gen_ai_request_model", DROPPED, "error_type", "EOFException"))
                .isEqualTo(1);
        assertThat(scrape.sum(
                        "gen_ai_client_operation_time_to_first_chunk_seconds_count", "gen_ai_request_model", DROPPED))
                .isEqualTo(1);
        assertThat(scrape.find("gen_ai_client_token_usage_count", "gen_ai_request_model", DROPPED))
                .isEmpty();
    }

    @Test
    void theWebSocketStaysVisibleAsAnOkHttpClientConnection() {
        assertThat(scrape.sum(
                        "websocket_client_connect_duration_seconds_count",
                        "websocket_library",
                        "okhttp",
                        "server_address",
                        "127.0.0.1",
                        "error_type",
                        ""))
                .isEqualTo(2);
        assertThat(scrape.sum(
                        "websocket_client_connection_duration_seconds_count",
                        "websocket_library",
                        "okhttp",
                        "websocket_close_code",
                        "1000"))
                .isEqualTo(1);
        assertThat(scrape.sum(
                        "websocket_client_connection_duration_seconds_count",
                        "websocket_library",
                        "okhttp",
                        "websocket_close_code",
                        "1006"))
                .isEqualTo(1);
    }

    @Test
    void noKeyPromptOrAnswerInTheScrapeAndNoAgentError() {
        assertThat(scrape.text())
                .doesNotContain(LiveChildApp.API_KEY)
                .doesNotContain(LiveChildApp.PROMPT)
                .doesNotContain("LIVE-")
                .doesNotContain("SECRET-");
        assertThat(scrape.find("autoprom_agent_errors_total"))
                .allSatisfy(s -> assertThat(s.value()).isZero());
    }
}
