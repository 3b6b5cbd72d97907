package dev.autoprom.instrumentation.websocket;

import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The metrics of one side (client or server). Both sides have the same shape: the client's second label is
 * {@code server_address}, the server's {@code http_route}; only clients have a connect duration, which
 * {@link WsConnection} records itself.
 */
final class WsSeries {

    final CappedSeries<GaugeDataPoint> active;
    final CappedSeries<DistributionDataPoint> lifetimes;
    final CappedSeries<DistributionDataPoint> messages;
    final CappedSeries<CounterDataPoint> errors;
    /** library, address or route, message type, error type. */
    final CappedSeries<DistributionDataPoint> handling;

    WsSeries(
            CappedSeries<GaugeDataPoint> active,
            CappedSeries<DistributionDataPoint> lifetimes,
            CappedSeries<DistributionDataPoint> messages,
            CappedSeries<CounterDataPoint> errors,
            CappedSeries<DistributionDataPoint> handling) {
        this.active = active;
        this.lifetimes = lifetimes;
        this.messages = messages;
        this.errors = errors;
        this.handling = handling;
    }
}
