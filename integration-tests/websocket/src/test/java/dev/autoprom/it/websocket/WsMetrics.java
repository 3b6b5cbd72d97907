package dev.autoprom.it.websocket;

import dev.autoprom.it.harness.InJvmAgent;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The family's assertion helper: scrapes the agent of this test JVM (see the pom's agent.argLine) and reads the
 * WebSocket series of one library and server address.
 */
final class WsMetrics {

    /** The port of the agent in this test JVM (a free one). */
    static final int PORT = InJvmAgent.port();

    final Scrape scrape;
    private final String library;
    private final String host;

    private WsMetrics(Scrape scrape, String library, String host) {
        this.scrape = scrape;
        this.library = library;
        this.host = host;
    }

    static WsMetrics scrape(String library, String host) {
        return new WsMetrics(Scrape.port(PORT), library, host);
    }

    /**
     * Scrapes until {@code condition} holds (the library may record a moment after the application was told),
     * then returns that scrape; fails with the last scrape's WebSocket lines after {@code timeout}.
     */
    static WsMetrics await(String library, String host, Predicate<WsMetrics> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        WsMetrics metrics;
        do {
            metrics = scrape(library, host);
            if (condition.test(metrics)) {
                return metrics;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                "condition not met within 20s; websocket series of " + library + " " + host + ":\n" + metrics.lines());
    }

    /** Fails when {@code autoprom_agent_errors_total} counted anything (an advice or recorder failure). */
    static void assertNoAgentErrors() {
        Scrape scrape = Scrape.port(PORT);
        double errors = scrape.sum("autoprom_agent_errors_total");
        if (errors != 0) {
            throw new AssertionError(
                    "the agent counted " + errors + " internal errors: " + scrape.find("autoprom_agent_errors_total"));
        }
    }

    /** The series' lines of this library and host, for failure messages. */
    String lines() {
        StringBuilder out = new StringBuilder();
        for (String line : scrape.text().split("\n")) {
            if (line.startsWith("websocket_client_")
                    && line.contains("\"" + library + "\"")
                    && line.contains("\"" + host + "\"")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    double messages(String direction, String type) {
        return scrape.sum(
                "websocket_client_message_size_bytes_count",
                labels("direction", direction, "websocket_message_type", type));
    }

    double bytes(String direction, String type) {
        return scrape.sum(
                "websocket_client_message_size_bytes_sum",
                labels("direction", direction, "websocket_message_type", type));
    }

    double active() {
        return scrape.sum("websocket_client_connections_active", labels());
    }

    /** Connection-duration samples with this close code. */
    double closes(String closeCode) {
        return scrape.sum(
                "websocket_client_connection_duration_seconds_count", labels("websocket_close_code", closeCode));
    }

    /** Connection-duration samples, all close codes. */
    double closes() {
        return scrape.sum("websocket_client_connection_duration_seconds_count", labels());
    }

    /** Handshake samples with this error type ("" for successful handshakes). */
    double connects(String errorType) {
        return scrape.sum("websocket_client_connect_duration_seconds_count", labels("error_type", errorType));
    }

    double connects() {
        return scrape.sum("websocket_client_connect_duration_seconds_count", labels());
    }

    double errors() {
        return scrape.sum("websocket_client_errors_total", labels());
    }

    double errors(String errorType) {
        return scrape.sum("websocket_client_errors_total", labels("error_type", errorType));
    }

    /** Handling-time samples of this message type and error type ("" when the listener returned normally). */
    double handled(String type, String errorType) {
        return scrape.sum(
                "websocket_client_message_handling_duration_seconds_count",
                labels("websocket_message_type", type, "error_type", errorType));
    }

    /** Handling-time samples, all types and outcomes. */
    double handled() {
        return scrape.sum("websocket_client_message_handling_duration_seconds_count", labels());
    }

    double handlingSeconds() {
        return scrape.sum("websocket_client_message_handling_duration_seconds_sum", labels());
    }

    /** Handling-time samples at most {@code le} seconds (the cumulative bucket, as exported: "0.01"). */
    double handledWithin(String le) {
        return scrape.sum("websocket_client_message_handling_duration_seconds_bucket", labels("le", le));
    }

    private String[] labels(String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "websocket_library";
        all[1] = library;
        all[2] = "server_address";
        all[3] = host;
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
