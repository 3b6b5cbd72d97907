package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The family's assertion helper: scrapes the agent of this test JVM (the pom's agent.argLine) and reads the
 * client series of one server port. Every test talks to its own server (its own port), so those series are the
 * test's alone. Records are made when a response arrives, which can be a moment after the application got it,
 * so counts are awaited (with a deadline) and then checked to be exact.
 */
final class ClientMetrics {

    /** The agent's port in this test JVM: it picks a free one (the pom's agent.argLine) and publishes it. */
    static final int AGENT_PORT = InJvmAgent.port();

    static final String DURATION = "http_client_request_duration_seconds";
    static final String COUNT = DURATION + "_count";
    static final String ACTIVE = "http_client_active_requests";

    final Scrape scrape;
    private final int port;

    private ClientMetrics(Scrape scrape, int port) {
        this.scrape = scrape;
        this.port = port;
    }

    static ClientMetrics of(int port) {
        return new ClientMetrics(Scrape.port(AGENT_PORT), port);
    }

    /** Scrapes until {@code condition} holds, then returns that scrape; fails with the port's lines after 20 s. */
    static ClientMetrics await(int port, Predicate<ClientMetrics> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ClientMetrics metrics;
        do {
            metrics = of(port);
            if (condition.test(metrics)) {
                return metrics;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("condition not met within 20 s; series of port " + port + ":\n" + metrics.lines());
    }

    /** Waits until {@code expected} requests to the port are recorded, and that no more are. */
    static ClientMetrics awaitTotal(int port, long expected) {
        ClientMetrics metrics = await(port, m -> m.total() >= expected && m.activeTotal() == 0);
        sleep(100); // a record made late (twice) would show up now
        metrics = of(port);
        assertThat(metrics.total())
                .as("requests recorded for port " + port + "\n" + metrics.lines())
                .isEqualTo(expected);
        assertThat(metrics.activeTotal()).as("active requests").isEqualTo(0);
        return metrics;
    }

    /** Label pairs of one duration series on this port; "" for a label the series does not have. */
    String[] series(String host, String scheme, String method, String status, String template, String errorType) {
        return new String[] {
            "http_request_method",
            method,
            "http_response_status_code",
            status,
            "server_address",
            host,
            "server_port",
            String.valueOf(port),
            "url_scheme",
            scheme,
            "url_template",
            template,
            "error_type",
            errorType
        };
    }

    /** The count of the one series with exactly these labels on 127.0.0.1 (0 if absent). */
    double count(String method, String status, String errorType) {
        return countOf("127.0.0.1", method, status, "", errorType);
    }

    double countOf(String host, String method, String status, String template, String errorType) {
        return countOf(host, "http", method, status, template, errorType);
    }

    double countOf(String host, String scheme, String method, String status, String template, String errorType) {
        String[] series = series(host, scheme, method, status, template, errorType);
        List<Sample> found = scrape.find(COUNT, series);
        assertThat(found.size()).as("series " + List.of(series)).isLessThanOrEqualTo(1);
        return found.isEmpty() ? 0 : found.get(0).value();
    }

    /** Every request recorded for the port, whatever its labels. */
    double total() {
        return scrape.sum(COUNT, "server_port", String.valueOf(port));
    }

    double activeTotal() {
        return scrape.sum(ACTIVE, "server_port", String.valueOf(port));
    }

    double active(String method) {
        return scrape.sum(
                ACTIVE,
                "server_port",
                String.valueOf(port),
                "http_request_method",
                method,
                "server_address",
                "127.0.0.1",
                "url_scheme",
                "http");
    }

    /** The duration samples of the port, for checks on whole label sets. */
    List<Sample> durationSeries() {
        return scrape.find(COUNT, "server_port", String.valueOf(port));
    }

    /** Fails when {@code autoprom_agent_errors_total} counted anything (an advice or recorder failure). */
    static void assertNoAgentErrors() {
        Scrape scrape = Scrape.port(AGENT_PORT);
        assertThat(scrape.sum("autoprom_agent_errors_total"))
                .as("agent errors: " + scrape.find("autoprom_agent_errors_total"))
                .isEqualTo(0);
    }

    String lines() {
        List<String> out = new ArrayList<>();
        for (String line : scrape.text().split("\n")) {
            if (line.startsWith("http_client_")
                    && line.contains("server_port=\"" + port + "\"")
                    && !line.contains("_bucket{")) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
