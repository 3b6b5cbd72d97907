package dev.autoprom.it.websocket;

import dev.autoprom.it.harness.Scrape;

/** One scrape of a server's agent, read for one {@code websocket_library} and {@code http_route}. */
final class ServerMetrics {

    final Scrape scrape;
    private final String library;
    private final String route;

    ServerMetrics(Scrape scrape, String library, String route) {
        this.scrape = scrape;
        this.library = library;
        this.route = route;
    }

    /** The server series' lines, for failure messages. */
    String lines() {
        StringBuilder out = new StringBuilder();
        for (String line : scrape.text().split("\n")) {
            if (line.startsWith("websocket_server_") && !line.contains("_bucket")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    double messages(String direction, String type) {
        return scrape.sum(
                "websocket_server_message_size_bytes_count",
                labels("direction", direction, "websocket_message_type", type));
    }

    double bytes(String direction, String type) {
        return scrape.sum(
                "websocket_server_message_size_bytes_sum",
                labels("direction", direction, "websocket_message_type", type));
    }

    double active() {
        return scrape.sum("websocket_server_connections_active", labels());
    }

    double closes(String closeCode) {
        return scrape.sum(
                "websocket_server_connection_duration_seconds_count", labels("websocket_close_code", closeCode));
    }

    double closes() {
        return scrape.sum("websocket_server_connection_duration_seconds_count", labels());
    }

    double errors(String errorType) {
        return scrape.sum("websocket_server_errors_total", labels("error_type", errorType));
    }

    double handled(String type, String errorType) {
        return scrape.sum(
                "websocket_server_message_handling_duration_seconds_count",
                labels("websocket_message_type", type, "error_type", errorType));
    }

    double handled() {
        return scrape.sum("websocket_server_message_handling_duration_seconds_count", labels());
    }

    double handlingSeconds() {
        return scrape.sum("websocket_server_message_handling_duration_seconds_sum", labels());
    }

    /** Handling samples at most {@code le} seconds (the cumulative bucket as exported, "0.01"). */
    double handledWithin(String le) {
        return scrape.sum("websocket_server_message_handling_duration_seconds_bucket", labels("le", le));
    }

    private String[] labels(String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "websocket_library";
        all[1] = library;
        all[2] = "http_route";
        all[3] = route;
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }
}
