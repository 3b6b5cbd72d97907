package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent attached to a plain main: what each endpoint serves. One child JVM for the whole class. */
class AgentEndpointsIT {

    private static ChildJvm app;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,host=127.0.0.1,labels=service=plain,env=test")
                .start();
        app.awaitOutput("READY", Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + app.metricsPort();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void metricsHasAgentInfoAndJvmMetricsWithConstantLabels() {
        Scrape scrape = Scrape.url(base + "/metrics");
        assertThat(scrape.value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT", "service", "plain", "env", "test"))
                .isEqualTo(1.0);
        assertThat(scrape.value("jvm_memory_used_bytes", "area", "heap", "service", "plain"))
                .isPositive();
        assertThat(scrape.value("process_start_time_seconds", "service", "plain"))
                .isPositive();
        assertThat(scrape.where(s -> !s.labels().get("service").equals("plain")))
                .isEmpty();
    }

    @Test
    void healthyAnswers() {
        HttpResponse<String> response = Scrape.get(base + "/-/healthy");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Exporter is healthy.\n");
    }

    @Test
    void statusPageIsJsonWithVersionConfigurationAndInstrumentations() throws Exception {
        HttpResponse<String> response = Scrape.get(base + "/autoprom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        JsonNode port = json.get("configuration").get("autoprom.port");
        assertThat(port.get("value").asText()).isEqualTo("0");
        assertThat(port.get("source").asText()).isEqualTo("agent argument");
        assertThat(json.get("configuration")
                        .get("autoprom.metrics.path")
                        .get("source")
                        .asText())
                .isEqualTo("default");
        assertThat(json.get("instrumentations").isArray()).isTrue();
        for (JsonNode instrumentation : json.get("instrumentations")) {
            assertThat(instrumentation.get("enabled").asBoolean()).isTrue();
            assertThat(instrumentation.has("classes")).isTrue();
        }
        assertThat(json.get("errors").isObject()).isTrue();
    }

    @Test
    void openMetricsOnRequest() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics"))
                        .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        assertThat(response.body()).endsWith("# EOF\n").contains("autoprom_agent_info{");
    }

    @Test
    void protobufOnRequest() throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics"))
                        .header(
                                "Accept",
                                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                                        + "encoding=delimited")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.google.protobuf");
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).contains("autoprom_agent_info");
    }

    @Test
    void gzipOnRequest() throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String text = new String(
                new GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("autoprom_agent_info{");
    }

    @Test
    void nameFilter() {
        Scrape scrape = Scrape.url(base + "/metrics?name[]=autoprom_agent_info");
        assertThat(scrape.samples()).extracting(s -> s.name()).containsExactly("autoprom_agent_info");
    }

    @Test
    void unknownPathIs404AndRootListsEndpoints() {
        assertThat(Scrape.get(base + "/nothing").statusCode()).isEqualTo(404);
        assertThat(Scrape.get(base + "/").body())
                .contains("/metrics")
                .contains("/-/healthy")
                .contains("/autoprom");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
