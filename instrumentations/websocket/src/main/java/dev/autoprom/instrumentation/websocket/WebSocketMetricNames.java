package dev.autoprom.instrumentation.websocket;

/** The WebSocket family's metric and label names (clients and servers), as in the design's metric catalog. */
public final class WebSocketMetricNames {

    public static final String CONNECT_DURATION = "websocket_client_connect_duration_seconds";
    public static final String CONNECTIONS_ACTIVE = "websocket_client_connections_active";
    public static final String CONNECTION_DURATION = "websocket_client_connection_duration_seconds";
    public static final String MESSAGE_SIZE = "websocket_client_message_size_bytes";
    public static final String ERRORS = "websocket_client_errors_total";
    public static final String HANDLING_DURATION = "websocket_client_message_handling_duration_seconds";

    public static final String SERVER_CONNECTIONS_ACTIVE = "websocket_server_connections_active";
    public static final String SERVER_CONNECTION_DURATION = "websocket_server_connection_duration_seconds";
    public static final String SERVER_MESSAGE_SIZE = "websocket_server_message_size_bytes";
    public static final String SERVER_ERRORS = "websocket_server_errors_total";
    public static final String SERVER_HANDLING_DURATION = "websocket_server_message_handling_duration_seconds";

    public static final String LIBRARY = "websocket_library";
    public static final String SERVER_ADDRESS = "server_address";
    public static final String HTTP_ROUTE = "http_route";
    public static final String ERROR_TYPE = "error_type";
    public static final String CLOSE_CODE = "websocket_close_code";
    public static final String DIRECTION = "direction";
    public static final String MESSAGE_TYPE = "websocket_message_type";

    private WebSocketMetricNames() {}
}
