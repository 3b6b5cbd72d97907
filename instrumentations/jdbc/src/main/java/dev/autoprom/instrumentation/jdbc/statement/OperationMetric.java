package dev.autoprom.instrumentation.jdbc.statement;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.jdbc.JdbcMetricNames;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;

/** {@code db_client_operation_duration_seconds} and its capped children. */
final class OperationMetric {

    static final Histogram HISTOGRAM = AgentMetrics.histogram(
                    JdbcMetricNames.OPERATION_DURATION,
                    "Duration of JDBC statement executions.",
                    JdbcMetricNames.BUCKETS)
            .labelNames(
                    JdbcMetricNames.SYSTEM,
                    JdbcMetricNames.OPERATION,
                    JdbcMetricNames.NAMESPACE,
                    JdbcMetricNames.ERROR_TYPE)
            .register(AgentMetrics.registry());

    static final CappedSeries<DistributionDataPoint> SERIES =
            new CappedSeries<>(HISTOGRAM, JdbcMetricNames.OPERATION_DURATION, 4);

    private OperationMetric() {}
}
