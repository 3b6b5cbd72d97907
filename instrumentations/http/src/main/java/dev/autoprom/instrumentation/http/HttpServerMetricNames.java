package dev.autoprom.instrumentation.http;

/** Names, labels and buckets of the HTTP server family, as the design's metric catalog fixes them. */
public final class HttpServerMetricNames {

    public static final String REQUEST_DURATION = "http_server_request_duration_seconds";
    public static final String ACTIVE_REQUESTS = "http_server_active_requests";

    public static final String METHOD = "http_request_method";
    public static final String STATUS = "http_response_status_code";
    public static final String ROUTE = "http_route";
    public static final String SCHEME = "url_scheme";
    public static final String ERROR_TYPE = "error_type";

    public static final double[] DURATION_BUCKETS = {
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
    };

    private HttpServerMetricNames() {}
}
