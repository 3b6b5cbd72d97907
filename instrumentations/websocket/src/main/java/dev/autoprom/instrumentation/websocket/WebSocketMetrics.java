package dev.autoprom.instrumentation.websocket;

import static dev.autoprom.instrumentation.websocket.WebSocketMetricNames.*;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The six WebSocket client metrics, registered on first use, each behind a {@link CappedSeries} because
 * {@code server_address} comes from the application. Recording goes through {@link WsConnection}, which caches
 * the children it needs per connection.
 */
final class WebSocketMetrics {

    /** Handshakes: the HTTP server request buckets (a handshake is one HTTP exchange plus TCP/TLS set-up). */
    static final double[] CONNECT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    /** Connection lifetimes: WebSockets live from a second to days, so 100 ms up to one day. */
    static final double[] LIFETIME_BUCKETS = {0.1, 1, 10, 30, 60, 300, 900, 1800, 3600, 7200, 14400, 43200, 86400};

    /** Message sizes: powers of four from 16 B to 16 MiB. */
    static final double[] SIZE_BUCKETS = {16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216};

    static final CappedSeries<DistributionDataPoint> CONNECTS = new CappedSeries<>(
            AgentMetrics.histogram(
                            CONNECT_DURATION,
                            "Duration of WebSocket client handshakes (TCP, TLS and HTTP "
                                    + "upgrade), successful or not; error_type is set when the handshake failed.",
                            CONNECT_BUCKETS)
                    .unit(Unit.SECONDS)
                    .labelNames(LIBRARY, SERVER_ADDRESS, ERROR_TYPE)
                    .register(AgentMetrics.registry()),
            CONNECT_DURATION,
            3);

    static final CappedSeries<GaugeDataPoint> ACTIVE = new CappedSeries<>(
            AgentMetrics.gauge(CONNECTIONS_ACTIVE, "Open WebSocket client connections.")
                    .labelNames(LIBRARY, SERVER_ADDRESS)
                    .register(AgentMetrics.registry()),
            CONNECTIONS_ACTIVE,
            2);

    static final CappedSeries<DistributionDataPoint> LIFETIMES = new CappedSeries<>(
            AgentMetrics.histogram(
                            CONNECTION_DURATION,
                            "Lifetime of WebSocket client connections from open to "
                                    + "close, by close code (1006: ended without a close frame).",
                            LIFETIME_BUCKETS)
                    .unit(Unit.SECONDS)
                    .labelNames(LIBRARY, SERVER_ADDRESS, CLOSE_CODE)
                    .register(AgentMetrics.registry()),
            CONNECTION_DURATION,
            3);

    static final CappedSeries<DistributionDataPoint> MESSAGES = new CappedSeries<>(
            AgentMetrics.histogram(
                            MESSAGE_SIZE,
                            "Size of WebSocket messages (text in UTF-8 bytes; a fragmented "
                                    + "message counts once, whole); _count is the number of messages.",
                            SIZE_BUCKETS)
                    .unit(Unit.BYTES)
                    .labelNames(LIBRARY, SERVER_ADDRESS, DIRECTION, MESSAGE_TYPE)
                    .register(AgentMetrics.registry()),
            MESSAGE_SIZE,
            4);

    static final CappedSeries<CounterDataPoint> ERROR_COUNTS = new CappedSeries<>(
            AgentMetrics.counter(ERRORS, "Errors reported by the WebSocket client library on an open connection.")
                    .labelNames(LIBRARY, SERVER_ADDRESS, ERROR_TYPE)
                    .register(AgentMetrics.registry()),
            ERRORS,
            3);

    /** Handling time of one message by the application's listener: 0.5 ms to 2.5 s (the design's buckets). */
    static final double[] HANDLING_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    static final CappedSeries<DistributionDataPoint> HANDLING = new CappedSeries<>(
            AgentMetrics.histogram(
                            HANDLING_DURATION,
                            "Time the application's own message listener took per received WebSocket message; "
                                    + "error_type is set when it threw.",
                            HANDLING_BUCKETS)
                    .unit(Unit.SECONDS)
                    .labelNames(LIBRARY, SERVER_ADDRESS, MESSAGE_TYPE, ERROR_TYPE)
                    .register(AgentMetrics.registry()),
            HANDLING_DURATION,
            4);

    static final WsSeries CLIENT = new WsSeries(ACTIVE, LIFETIMES, MESSAGES, ERROR_COUNTS, HANDLING);

    private WebSocketMetrics() {}
}
