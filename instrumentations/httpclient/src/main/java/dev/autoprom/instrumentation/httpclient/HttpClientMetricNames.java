package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.instrumentation.http.HttpServerMetricNames;

/** Names, labels and buckets of the HTTP client family, as the design's metric catalog fixes them. */
public final class HttpClientMetricNames {

    public static final String REQUEST_DURATION = "http_client_request_duration_seconds";
    public static final String ACTIVE_REQUESTS = "http_client_active_requests";

    public static final String METHOD = "http_request_method";
    public static final String STATUS = "http_response_status_code";
    public static final String SERVER_ADDRESS = "server_address";
    public static final String SERVER_PORT = "server_port";
    public static final String SCHEME = "url_scheme";
    public static final String URL_TEMPLATE = "url_template";
    public static final String ERROR_TYPE = "error_type";

    /** The server's buckets: a dependency's latency reads on the same scale as the service's own. */
    public static final double[] DURATION_BUCKETS = HttpServerMetricNames.DURATION_BUCKETS.clone();

    private HttpClientMetricNames() {}
}
