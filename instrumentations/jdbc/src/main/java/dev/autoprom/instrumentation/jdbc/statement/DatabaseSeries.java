package dev.autoprom.instrumentation.jdbc.statement;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything recorded for one database ({@code db_system_name}, {@code db_namespace}): the successful-call child
 * per operation keyword, and the {@link StatementSeries} shared by every statement of that operation. One
 * instance per distinct database, however many connections reach it.
 */
final class DatabaseSeries {

    private static final ConcurrentHashMap<String, DatabaseSeries> BY_DATABASE = new ConcurrentHashMap<>();

    final String system;
    final String namespace;
    /** Keys are keyword constants (or BATCH forms built once), never SQL text. */
    private final ConcurrentHashMap<String, DistributionDataPoint> successByOperation = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, StatementSeries> statementsByOperation = new ConcurrentHashMap<>();
    /** Plain statements (SQL known per call) and prepared ones whose SQL was never seen. */
    final StatementSeries unprepared;

    private DatabaseSeries(String system, String namespace) {
        this.system = system;
        this.namespace = namespace;
        this.unprepared = new StatementSeries(this, null);
    }

    static DatabaseSeries of(DatabaseInfo info) {
        String key = info.system + '\u0000' + info.namespace;
        DatabaseSeries series = BY_DATABASE.get(key);
        if (series == null) {
            series = BY_DATABASE.computeIfAbsent(key, k -> new DatabaseSeries(info.system, info.namespace));
        }
        return series;
    }

    StatementSeries statement(String operation) {
        if (operation == null) {
            return unprepared;
        }
        StatementSeries series = statementsByOperation.get(operation);
        return series != null
                ? series
                : statementsByOperation.computeIfAbsent(operation, op -> new StatementSeries(this, op));
    }

    DistributionDataPoint success(String operation) {
        DistributionDataPoint child = successByOperation.get(operation);
        return child != null
                ? child
                : successByOperation.computeIfAbsent(
                        operation, op -> OperationMetric.SERIES.get(system, op, namespace, ""));
    }

    DistributionDataPoint failure(String operation, String errorType) {
        return OperationMetric.SERIES.get(system, operation, namespace, errorType);
    }
}
