package dev.autoprom.instrumentation.websocket;

import static dev.autoprom.instrumentation.websocket.WebSocketMetricNames.*;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The five WebSocket server metrics, registered when the first server connection opens (a class of its own, so
 * a client-only application exports no empty server families). {@code http_route} is the endpoint's path
 * template, never the raw path, but it is still capped like every label that comes from the application.
 */
final class WebSocketServerMetrics {

    static final WsSeries SERVER = new WsSeries(
            new CappedSeries<>(
                    AgentMetrics.gauge(SERVER_CONNECTIONS_ACTIVE, "Open WebSocket server connections.")
                            .labelNames(LIBRARY, HTTP_ROUTE)
                            .register(AgentMetrics.registry()),
                    SERVER_CONNECTIONS_ACTIVE,
                    2),
            new CappedSeries<>(
                    AgentMetrics.histogram(
                                    SERVER_CONNECTION_DURATION,
                                    "Lifetime of WebSocket server connections from open to close, by close code "
                                            + "(1006: ended without a close frame).",
                                    WebSocketMetrics.LIFETIME_BUCKETS)
                            .unit(Unit.SECONDS)
                            .labelNames(LIBRARY, HTTP_ROUTE, CLOSE_CODE)
                            .register(AgentMetrics.registry()),
                    SERVER_CONNECTION_DURATION,
                    3),
            new CappedSeries<>(
                    AgentMetrics.histogram(
                                    SERVER_MESSAGE_SIZE,
                                    "Size of WebSocket messages on server connections (text in UTF-8 bytes; a "
                                            + "fragmented message counts once, whole); _count is the number of messages.",
                                    WebSocketMetrics.SIZE_BUCKETS)
                            .unit(Unit.BYTES)
                            .labelNames(LIBRARY, HTTP_ROUTE, DIRECTION, MESSAGE_TYPE)
                            .register(AgentMetrics.registry()),
                    SERVER_MESSAGE_SIZE,
                    4),
            new CappedSeries<>(
                    AgentMetrics.counter(
                                    SERVER_ERRORS,
                                    "Errors on WebSocket server connections, and rejected upgrades (error_type: "
                                            + "the HTTP status).")
                            .labelNames(LIBRARY, HTTP_ROUTE, ERROR_TYPE)
                            .register(AgentMetrics.registry()),
                    SERVER_ERRORS,
                    3),
            new CappedSeries<>(
                    AgentMetrics.histogram(
                                    SERVER_HANDLING_DURATION,
                                    "Time the application's endpoint or handler took per received WebSocket "
                                            + "message; error_type is set when it threw.",
                                    WebSocketMetrics.HANDLING_BUCKETS)
                            .unit(Unit.SECONDS)
                            .labelNames(LIBRARY, HTTP_ROUTE, MESSAGE_TYPE, ERROR_TYPE)
                            .register(AgentMetrics.registry()),
                    SERVER_HANDLING_DURATION,
                    4));

    private WebSocketServerMetrics() {}
}
