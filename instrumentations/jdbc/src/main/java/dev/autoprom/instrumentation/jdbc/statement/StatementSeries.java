package dev.autoprom.instrumentation.jdbc.statement;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * What a statement object records into: its database and, for a prepared statement, its operation keyword with
 * the resolved children, so that executing it again costs one weak-map lookup and one observation.
 */
final class StatementSeries {

    static final String BATCH = "BATCH";

    final DatabaseSeries database;
    /** The prepared statement's keyword; null for a plain statement (or a prepared one created unseen). */
    final String operation;

    private final String batchOperation;
    private volatile DistributionDataPoint success;
    private volatile DistributionDataPoint batchSuccess;

    StatementSeries(DatabaseSeries database, String operation) {
        this.database = database;
        this.operation = operation;
        this.batchOperation = operation == null ? BATCH : BATCH + ' ' + operation;
    }

    /** The keyword recorded for a call: from the call's own SQL if it has one, else the prepared one. */
    String operation(String callSql, boolean batch) {
        if (callSql != null) {
            return SqlKeyword.of(callSql);
        }
        if (batch) {
            return batchOperation;
        }
        return operation == null ? SqlKeyword.OTHER : operation;
    }

    DistributionDataPoint success(String callSql, boolean batch) {
        if (callSql != null) {
            return database.success(SqlKeyword.of(callSql));
        }
        if (batch) {
            DistributionDataPoint child = batchSuccess;
            if (child == null) {
                child = database.success(batchOperation);
                batchSuccess = child;
            }
            return child;
        }
        DistributionDataPoint child = success;
        if (child == null) {
            child = database.success(operation == null ? SqlKeyword.OTHER : operation);
            success = child;
        }
        return child;
    }
}
