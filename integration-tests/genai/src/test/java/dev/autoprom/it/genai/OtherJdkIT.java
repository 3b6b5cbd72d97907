package dev.autoprom.it.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Child JVMs: the OpenAI instrumentation on Java 25 (the newest JDK the project tests), and the series cap on
 * model-name labels (which needs its own agent configuration).
 */
class OtherJdkIT {

    static final Path JAVA_25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");

    @Test
    void openAiCallsAreRecordedOnJava25() {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "Temurin 25 not installed");
        try (ChildJvm app =
                ChildJvm.main(OpenAiChildApp.class).javaHome(JAVA_25).start()) {
            app.awaitOutput("calls done", Duration.ofSeconds(60));
            Scrape scrape = app.scrape();
            assertThat(scrape.sum(
                            "gen_ai_client_operation_duration_seconds_count",
                            "gen_ai_request_model",
                            "gpt-child",
                            "gen_ai_provider_name",
                            "openai"))
                    .isEqualTo(2);
            assertThat(scrape.sum(
                            "gen_ai_client_token_usage_sum",
                            "gen_ai_request_model",
                            "gpt-child",
                            "gen_ai_token_type",
                            "input"))
                    .isEqualTo(2 * OpenAiWire.CHAT_IN);
            assertThat(scrape.sum(
                            "gen_ai_client_operation_time_to_first_chunk_seconds_count",
                            "gen_ai_request_model",
                            "gpt-child-stream"))
                    .isEqualTo(1);
            assertThat(scrape.find("autoprom_agent_errors_total"))
                    .allSatisfy(s -> assertThat(s.value()).isZero());
        }
    }

    @Test
    void theOpenAiSwitchTurnsItOff() {
        try (ChildJvm app = ChildJvm.main(OpenAiChildApp.class)
                .property("autoprom.instrumentation.openai.enabled", "false")
                .start()) {
            // the application works the same (it checks its completions itself)
            app.awaitOutput("calls done", Duration.ofSeconds(60));
            assertThat(app.scrape().find("gen_ai_client_operation_duration_seconds_count"))
                    .isEmpty();
        }
    }

    @Test
    void modelNamesPastTheCardinalityLimitGoToTheOverflowSeries() {
        try (ChildJvm app = ChildJvm.main(OpenAiChildApp.class)
                .property("autoprom.cardinality.limit", "1")
                .start()) {
            app.awaitOutput("calls done", Duration.ofSeconds(60));
            Scrape scrape = app.scrape();
            // the first model's series exists; the second model's operation went to the overflow series
            assertThat(scrape.sum(
                            "gen_ai_client_operation_duration_seconds_count", "gen_ai_request_model", "gpt-child"))
                    .isEqualTo(2);
            assertThat(scrape.sum(
                            "gen_ai_client_operation_duration_seconds_count", "gen_ai_request_model", "_overflow"))
                    .isEqualTo(1);
            assertThat(scrape.has(
                            "gen_ai_client_operation_duration_seconds_count",
                            "gen_ai_request_model",
                            "gpt-child-stream"))
                    .isFalse();
            assertThat(scrape.value(
                            "autoprom_series_overflow_total", "metric", "gen_ai_client_operation_duration_seconds"))
                    .isEqualTo(1);
        }
    }
}
