package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records HTTP client requests for every client library: {@link #start} when a request is about to go on the
 * wire, {@link #end} once its response headers arrived or it failed. Callers pass plain values (java.base
 * types only: this class lives on the bootstrap class path) and the same target values to both. Never throws.
 *
 * <p>Hot path: one map lookup on the host string to its {@link ServerSeries}, then a scan of a few cached
 * children by a numeric key, so a steady request stream allocates nothing here. {@code server_address} comes
 * from the application's URLs, which may hold anything: both metrics are capped ({@link CappedSeries}) and so
 * is the per-host cache.
 */
public final class HttpClientRecorder {

    private static final String COMPONENT = "httpclient";

    static final Histogram DURATION = AgentMetrics.histogram(
                    HttpClientMetricNames.REQUEST_DURATION,
                    "Duration of HTTP client requests.",
                    HttpClientMetricNames.DURATION_BUCKETS)
            .unit(Unit.SECONDS)
            .labelNames(
                    HttpClientMetricNames.METHOD,
                    HttpClientMetricNames.STATUS,
                    HttpClientMetricNames.SERVER_ADDRESS,
                    HttpClientMetricNames.SERVER_PORT,
                    HttpClientMetricNames.SCHEME,
                    HttpClientMetricNames.URL_TEMPLATE,
                    HttpClientMetricNames.ERROR_TYPE)
            .register(AgentMetrics.registry());
    static final Gauge ACTIVE = AgentMetrics.gauge(
                    HttpClientMetricNames.ACTIVE_REQUESTS, "Number of HTTP client requests in flight.")
            .labelNames(
                    HttpClientMetricNames.METHOD,
                    HttpClientMetricNames.SERVER_ADDRESS,
                    HttpClientMetricNames.SERVER_PORT,
                    HttpClientMetricNames.SCHEME)
            .register(AgentMetrics.registry());

    static final CappedSeries<DistributionDataPoint> DURATION_SERIES =
            new CappedSeries<>(DURATION, HttpClientMetricNames.REQUEST_DURATION, 7);
    static final CappedSeries<GaugeDataPoint> ACTIVE_SERIES =
            new CappedSeries<>(ACTIVE, HttpClientMetricNames.ACTIVE_REQUESTS, 4);

    private static final ConcurrentHashMap<String, ServerSeries> SERVERS = new ConcurrentHashMap<>();

    private HttpClientRecorder() {}

    /**
     * A request to {@code host:port} is starting: counts it as active and returns its start time for {@link #end}.
     *
     * @param host the host as the request's URL has it (null: none)
     * @param port the port; 0 or less for the scheme's default
     * @param method an index of {@code HttpMethods}
     */
    public static long start(String host, int port, boolean https, int method) {
        try {
            server(host)
                    .active(ServerAddresses.port(port, https), https, method)
                    .inc();
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
        return Timing.start();
    }

    /**
     * A request started by {@link #start} (with the same host, port, scheme and method) ended.
     *
     * @param status the response's status; 0 or less when none arrived
     * @param template a URI template a framework supplied ({@link UriTemplates}), or null
     * @param failure what the request failed with, or null
     */
    public static void end(
            long startNanos,
            String host,
            int port,
            boolean https,
            int method,
            int status,
            String template,
            Throwable failure) {
        if (startNanos == Timing.NOT_STARTED) {
            return;
        }
        try {
            long elapsed = System.nanoTime() - startNanos;
            int effectivePort = ServerAddresses.port(port, https);
            ServerSeries server = server(host);
            server.active(effectivePort, https, method).dec();
            server.duration(
                            effectivePort,
                            https,
                            method,
                            status,
                            template == null ? "" : template,
                            ClientErrors.type(status, failure))
                    .observe(elapsed / 1e9);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** A request started by {@link #start} was never sent after all: off the active requests, nothing recorded. */
    public static void cancel(long startNanos, String host, int port, boolean https, int method) {
        if (startNanos == Timing.NOT_STARTED) {
            return;
        }
        try {
            server(host)
                    .active(ServerAddresses.port(port, https), https, method)
                    .dec();
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    private static ServerSeries server(String host) {
        String key = host == null ? "" : host;
        ServerSeries series = SERVERS.get(key);
        if (series != null) {
            return series;
        }
        if (SERVERS.size() >= AgentMetrics.seriesLimit()) {
            // past the cap: an uncached holder; CappedSeries collapses its series into the overflow series
            return new ServerSeries(key);
        }
        return SERVERS.computeIfAbsent(key, ServerSeries::new);
    }
}
