package dev.autoprom.instrumentation.jdbc;

/** The JDBC family's metric and label names (DESIGN.md, "Metric catalog"), in one place. */
public final class JdbcMetricNames {

    public static final String OPERATION_DURATION = "db_client_operation_duration_seconds";
    public static final String CONNECTION_USAGE = "db_client_connection_usage";
    public static final String CONNECTION_IDLE_MAX = "db_client_connection_idle_max";
    public static final String CONNECTION_IDLE_MIN = "db_client_connection_idle_min";
    public static final String CONNECTION_MAX = "db_client_connection_max";
    public static final String CONNECTION_PENDING = "db_client_connection_pending_requests";
    public static final String CONNECTION_TIMEOUTS = "db_client_connection_timeouts_total";
    public static final String CONNECTION_CREATE_TIME = "db_client_connection_create_time_seconds";
    public static final String CONNECTION_WAIT_TIME = "db_client_connection_wait_time_seconds";
    public static final String CONNECTION_USE_TIME = "db_client_connection_use_time_seconds";

    public static final String SYSTEM = "db_system_name";
    public static final String OPERATION = "db_operation_name";
    public static final String NAMESPACE = "db_namespace";
    public static final String ERROR_TYPE = "error_type";
    public static final String POOL_NAME = "db_client_connection_pool_name";
    public static final String STATE = "db_client_connection_state";

    /** Buckets of every JDBC histogram, in seconds. */
    public static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

    private JdbcMetricNames() {}
}
