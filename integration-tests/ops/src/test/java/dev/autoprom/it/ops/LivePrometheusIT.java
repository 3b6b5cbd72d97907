package dev.autoprom.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * A real Prometheus (Debian's package) scrapes the demo with the agent every second; then every expression of
 * the Grafana dashboard must return data and every alert rule must parse and evaluate. Required when CI=true.
 */
class LivePrometheusIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEPLOY = Path.of(System.getProperty("autoprom.deploy.dir", "../../deploy"));
    private static final File PROMETHEUS = new File("/usr/bin/prometheus");

    @TempDir
    static Path work;

    static ChildJvm demo;
    static Process prometheus;
    static String api;

    @BeforeAll
    static void start() throws Exception {
        if (!PROMETHEUS.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("/usr/bin/prometheus is required when CI=true (apt-get install prometheus)");
            }
            org.junit.jupiter.api.Assumptions.abort("Prometheus not installed (apt-get install prometheus)");
        }
        // the example price table prices the demo's model, so the cost panels have data too
        Path prices = DEPLOY.resolve("genai-prices.example.txt").toAbsolutePath();
        // and the demo's methods file times its /users handler, so the Application row has method data
        Path methods = DEPLOY.resolve("../examples/demo-app/methods.properties")
                .toAbsolutePath()
                .normalize();
        demo = ChildJvm.main("dev.autoprom.demo.DemoApp")
                .classpath(System.getProperty("autoprom.demo.jar"))
                .agentArgs("port=0,host=127.0.0.1,genai.prices.file=" + prices + ",methods.file=" + methods)
                .property("demo.http.port", "0")
                .property("demo.ws.port", "0")
                .property("demo.ai.port", "0")
                .start();
        demo.awaitOutput("generating traffic", Duration.ofSeconds(60));
        // and it reads without a skipped line
        assertThat(demo.output()).contains("genai prices: ").doesNotContain("line skipped");
        assertThat(demo.output()).contains("methods file " + methods + ": 1 method(s) configured;");
        int agentPort = demo.metricsPort();

        int prometheusPort = freePort();
        Files.copy(DEPLOY.resolve("prometheus/autoprom-alerts.yml"), work.resolve("autoprom-alerts.yml"));
        Files.writeString(
                work.resolve("prometheus.yml"),
                "global:\n  scrape_interval: 1s\n"
                        + "  evaluation_interval: 1s\nrule_files: [autoprom-alerts.yml]\nscrape_configs:\n"
                        + "  - job_name: autoprom\n    static_configs:\n      - targets: ['127.0.0.1:" + agentPort
                        + "']\n");
        prometheus = new ProcessBuilder(
                        PROMETHEUS.getPath(),
                        "--config.file=" + work.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + work.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
        // every family has data within 10 s; 25 s of 1 s scrapes gives each rate() window several points
        awaitQuery("sum(up{job=\"autoprom\"})", Duration.ofSeconds(60));
        Thread.sleep(25_000);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.destroy();
            try {
                prometheus.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            prometheus.destroyForcibly();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void everyDashboardQueryReturnsData() throws IOException {
        JsonNode dashboard =
                JSON.readTree(DEPLOY.resolve("grafana/autoprom-dashboard.json").toFile());
        Set<String> expressions = new LinkedHashSet<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            if (variable.has("definition")
                    && variable.get("definition").asText().startsWith("label_values(")) {
                expressions.add(labelValuesSelector(variable.get("definition").asText()));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        for (String expression : expressions) {
            JsonNode answer = query(substitute(expression));
            if (!"success".equals(answer.path("status").asText())) {
                failures.add("does not evaluate: " + expression + " -> " + answer);
            } else if (answer.path("data").path("result").isEmpty()) {
                failures.add("no data: " + expression);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyAlertRuleParsesAndEvaluates() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DEPLOY.resolve("prometheus/autoprom-alerts.yml")));
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                String expr = String.valueOf(((Map<?, ?>) rule).get("expr"));
                count++;
                JsonNode answer = query(expr);
                if (!"success".equals(answer.path("status").asText())) {
                    failures.add(((Map<?, ?>) rule).get("alert") + " -> " + answer);
                }
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(10);
        assertThat(failures).isEmpty();
        // Prometheus itself loaded and evaluated every rule without error
        JsonNode loaded = get(api + "rules");
        List<String> unhealthy = new ArrayList<>();
        int loadedCount = 0;
        for (JsonNode group : loaded.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                loadedCount++;
                if (!"ok".equals(rule.path("health").asText())) {
                    unhealthy.add(rule.path("name").asText() + ": "
                            + rule.path("lastError").asText());
                }
            }
        }
        assertThat(loadedCount).isEqualTo(count);
        assertThat(unhealthy).isEmpty();
    }

    @Test
    void promtoolFindsNothingInTheDemosFullScrape() throws Exception {
        String text = demo.scrape().text();
        assertThat(text)
                .contains("http_server_request_duration_seconds_bucket")
                .contains("db_client_operation_duration_seconds_bucket")
                .contains("websocket_client_message_size_bytes_bucket")
                .contains("gen_ai_client_token_usage_bucket")
                .contains("gen_ai_provider_name=\"aws.bedrock\"")
                .contains("http_client_request_duration_seconds_bucket");
        Process promtool = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        promtool.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String findings = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(findings).isEmpty();
        assertThat(promtool.exitValue()).isZero();
    }

    /** Grafana's variables, as a dashboard with "All" selected and a 1 s scrape interval would send them. */
    private static String substitute(String expression) {
        return expression
                .replace("$__rate_interval", "15s")
                .replace("$job", ".*")
                .replace("$instance", ".*");
    }

    /** {@code label_values(metric{...}, label)} becomes the selector {@code metric{...}}. */
    private static String labelValuesSelector(String definition) {
        String inner = definition.substring("label_values(".length(), definition.lastIndexOf(','));
        return inner.trim();
    }

    private static void awaitQuery(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode answer = query(expression);
                JsonNode result = answer.path("data").path("result");
                if (!result.isEmpty() && result.get(0).path("value").get(1).asDouble() >= 1) {
                    return;
                }
            } catch (RuntimeException | IOException notYet) {
                // Prometheus still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "Prometheus never scraped the agent; its log:\n" + Files.readString(work.resolve("prometheus.log")));
    }

    private static JsonNode query(String expression) throws IOException {
        return get(api + "query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    private static JsonNode get(String url) throws IOException {
        return JSON.readTree(Scrape.get(url).body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
