package dev.autoprom.instrumentation.http;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records HTTP server requests for every server library: {@link #start} when a request begins,
 * {@link #end} once the response is complete. Callers pass plain values (java.base types only: this class lives
 * on the bootstrap class path). Never throws.
 *
 * <p>Hot path: the active-requests child is an array slot by (method, scheme); the duration child is found
 * through a per-route {@link RouteSeries} (one map lookup on the route string, then a scan of a few ints), so a
 * steady request stream allocates nothing here.
 */
public final class HttpServerRecorder {

    private static final String COMPONENT = "http";
    private static final String HTTP = "http";
    private static final String HTTPS = "https";

    static final Histogram DURATION = AgentMetrics.histogram(
                    HttpServerMetricNames.REQUEST_DURATION,
                    "Duration of HTTP server requests.",
                    HttpServerMetricNames.DURATION_BUCKETS)
            .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
            .labelNames(
                    HttpServerMetricNames.METHOD,
                    HttpServerMetricNames.STATUS,
                    HttpServerMetricNames.ROUTE,
                    HttpServerMetricNames.SCHEME,
                    HttpServerMetricNames.ERROR_TYPE)
            .register(AgentMetrics.registry());
    static final Gauge ACTIVE = AgentMetrics.gauge(
                    HttpServerMetricNames.ACTIVE_REQUESTS, "Number of HTTP server requests in flight.")
            .labelNames(HttpServerMetricNames.METHOD, HttpServerMetricNames.SCHEME)
            .register(AgentMetrics.registry());

    static final CappedSeries<DistributionDataPoint> DURATION_SERIES =
            new CappedSeries<>(DURATION, HttpServerMetricNames.REQUEST_DURATION, 5);

    /** Active-request children by method index * 2 + (https ? 1 : 0); at most 20, created on first use. */
    private static final GaugeDataPoint[] ACTIVE_CHILDREN = new GaugeDataPoint[HttpMethods.COUNT * 2];

    private static final ConcurrentHashMap<String, RouteSeries> ROUTES = new ConcurrentHashMap<>();

    private HttpServerRecorder() {}

    /** A request began: counts it as active and returns its start time for {@link #end}. */
    public static long start(int method, boolean https) {
        try {
            active(method, https).inc();
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
        return Timing.start();
    }

    /**
     * A request started by {@link #start} is complete.
     *
     * @param status the status the client saw; 0 or less when none was sent
     * @param route a route template, or "" when none is known (never a raw path)
     * @param thrown the exception that escaped the handler, or null
     */
    public static void end(long startNanos, int method, boolean https, int status, String route, Throwable thrown) {
        String errorType = null;
        try {
            errorType = errorClass(thrown);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
        end(startNanos, method, https, status, route, errorType);
    }

    /**
     * As {@link #end(long, int, boolean, int, String, Throwable)}, with the {@code error_type} given as the class
     * name it reports (a server that knows how a request failed without holding an exception for it).
     *
     * @param errorType a fully qualified exception class name, or null
     */
    public static void end(long startNanos, int method, boolean https, int status, String route, String errorType) {
        try {
            long elapsed = System.nanoTime() - startNanos;
            active(method, https).dec();
            routeSeries(route == null ? "" : route)
                    .child(method, https, status, errorType)
                    .observe(elapsed / 1e9);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * A request started by {@link #start} turned out not to be one of its own: it is no longer counted active,
     * and nothing is observed. An HTTP/1.1 request answered {@code 101} to switch to h2c is served again as
     * HTTP/2 stream 1, which records it.
     */
    public static void discard(int method, boolean https) {
        try {
            active(method, https).dec();
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** The series holder for one route, kept by the caller (a JDK server context filter) to skip the lookup. */
    public static RouteSeries routeSeries(String route) {
        RouteSeries series = ROUTES.get(route);
        if (series != null) {
            return series;
        }
        if (ROUTES.size() >= AgentMetrics.seriesLimit()) {
            // past the cap: an uncached holder; CappedSeries collapses its series into the overflow series
            return new RouteSeries(route);
        }
        return ROUTES.computeIfAbsent(route, RouteSeries::new);
    }

    /**
     * The class name reported as {@code error_type}: the exception's, looking through the servlet containers'
     * {@code ServletException} wrapper (Spring wraps a handler's exception in one) to the cause the app threw.
     */
    static String errorClass(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        Throwable t = thrown;
        for (int i = 0;
                i < 4 && t.getCause() != null && isServletException(t.getClass().getName());
                i++) {
            t = t.getCause();
        }
        return t.getClass().getName();
    }

    private static boolean isServletException(String className) {
        return className.equals("jakarta.servlet.ServletException")
                || className.equals("javax.servlet.ServletException");
    }

    private static GaugeDataPoint active(int method, boolean https) {
        int slot = method * 2 + (https ? 1 : 0);
        GaugeDataPoint child = ACTIVE_CHILDREN[slot];
        if (child == null) {
            // racy but idempotent: the metric returns the same child for the same labels
            child = ACTIVE.labelValues(HttpMethods.name(method), https ? HTTPS : HTTP);
            ACTIVE_CHILDREN[slot] = child;
        }
        return child;
    }

    static String scheme(boolean https) {
        return https ? HTTPS : HTTP;
    }
}
