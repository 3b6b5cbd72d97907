package dev.autoprom.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The agent's endpoints of a child JVM, in every representation, and the application's printed results. */
final class Endpoints {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROTOBUF =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;" + " encoding=delimited";

    private Endpoints() {}

    /** {@code /metrics} as text 0.0.4, OpenMetrics and protobuf (decoded as Latin-1), and {@code /autoprom}. */
    static List<String> allRepresentations(int port) {
        String base = "http://127.0.0.1:" + port;
        String text = get(base + "/metrics", "text/plain; version=0.0.4");
        String openMetrics = get(base + "/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        String protobuf = get(base + "/metrics", PROTOBUF);
        String status = get(base + "/autoprom", "application/json");
        assertThat(text).contains("autoprom_agent_info");
        assertThat(openMetrics).contains("# EOF");
        assertThat(protobuf).contains("autoprom_agent_info");
        assertThat(status).contains("\"instrumentations\"");
        return List.of(text, openMetrics, protobuf, status);
    }

    static String get(String url, String accept) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
            // Latin-1 keeps every byte (protobuf is binary; the markers are ASCII)
            return new String(response.body(), StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            throw new AssertionError("GET " + url + ": " + e, e);
        }
    }

    /** The {@code RESULT ...} lines the application printed, in order. */
    static List<String> results(ChildJvm app) {
        return app.output().lines().filter(l -> l.startsWith("RESULT ")).collect(Collectors.toList());
    }

    /** A number the application printed as {@code NAME=123}. */
    static long printed(ChildJvm app, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "=(-?\\d+)").matcher(app.output());
        long value = 0;
        boolean found = false;
        while (m.find()) {
            value = Long.parseLong(m.group(1));
            found = true;
        }
        assertThat(found).as(name + " printed; output:\n" + app.output()).isTrue();
        return value;
    }
}
