package dev.autoprom.instrumentation.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Server connections and handling time, read back from the agent's registry. Each test has its own route. */
class ServerConnectionTest {

    private static final AtomicInteger ROUTES = new AtomicInteger();

    private static String route() {
        return "/unit-" + ROUTES.incrementAndGet() + "/{id}";
    }

    @Test
    void aServerConnectionRecordsTheServerSeriesUnderItsRoute() {
        String route = route();
        WsConnection connection = WsConnection.accepted("jakarta", route);
        assertThat(connection.isServer()).isTrue();
        connection.opened();
        assertThat(gauge(WebSocketMetricNames.SERVER_CONNECTIONS_ACTIVE, route)).isEqualTo(1);
        connection.received().whole(WsConnection.TEXT, 100);
        connection.sent().whole(WsConnection.TEXT, 100);
        connection.closed(WsConnection.ABNORMAL_CLOSURE);
        connection.closed(1000); // only the first end counts

        assertThat(gauge(WebSocketMetricNames.SERVER_CONNECTIONS_ACTIVE, route)).isZero();
        assertThat(count(WebSocketMetricNames.SERVER_MESSAGE_SIZE, route, "direction", "received"))
                .isEqualTo(1);
        assertThat(count(WebSocketMetricNames.SERVER_CONNECTION_DURATION, route, "websocket_close_code", "1006"))
                .isEqualTo(1);
        assertThat(count(WebSocketMetricNames.SERVER_CONNECTION_DURATION, route, "websocket_close_code", "1000"))
                .isZero();
        // nothing on the client side
        assertThat(count(WebSocketMetricNames.CONNECT_DURATION, route, "error_type", ""))
                .isZero();
    }

    @Test
    void handlingTimeCarriesTheErrorTypeOfWhatTheHandlerThrew() {
        String route = route();
        WsConnection connection = WsConnection.accepted("jakarta", route);
        connection.opened();
        long start = HandlerErrors.start(connection);
        HandlerErrors.caught(new IllegalStateException("the application's"));
        HandlerErrors.caught(new RuntimeException("the library's wrapper, reported later"));
        HandlerErrors.finish(WsConnection.TEXT, start, null);
        HandlerErrors.finish(WsConnection.TEXT, HandlerErrors.start(connection), null); // the slot was cleared
        HandlerErrors.finish(WsConnection.BINARY, HandlerErrors.start(null), null); // not a recorded connection

        assertThat(count(
                        WebSocketMetricNames.SERVER_HANDLING_DURATION,
                        route,
                        "error_type",
                        "java.lang.IllegalStateException"))
                .isEqualTo(1);
        assertThat(count(WebSocketMetricNames.SERVER_HANDLING_DURATION, route, "error_type", ""))
                .isEqualTo(1);
        assertThat(count(WebSocketMetricNames.SERVER_HANDLING_DURATION, route, "websocket_message_type", "binary"))
                .isZero();
    }

    @Test
    void aRefusedUpgradeIsAServerErrorWithItsStatus() {
        String route = route();
        WsConnection.upgradeRejected("jetty", route, 403);
        assertThat(counter(WebSocketMetricNames.SERVER_ERRORS, route, "403")).isEqualTo(1);
    }

    @Test
    void routesKeepNoQuery() {
        assertThat(ServerRoutes.clean("/chat/{room}?token=secret")).isEqualTo("/chat/{room}");
        assertThat(ServerRoutes.clean(null)).isEmpty();
    }

    private static long count(String metric, String route, String label, String value) {
        long total = 0;
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals(base(metric))) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point :
                        ((HistogramSnapshot) snapshot).getDataPoints()) {
                    if (matches(point.getLabels(), route, label, value)) {
                        total += point.getCount();
                    }
                }
            }
        }
        return total;
    }

    private static double gauge(String metric, String route) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof GaugeSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals(metric)) {
                for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
                    if (route.equals(point.getLabels().get("http_route"))) {
                        return point.getValue();
                    }
                }
            }
        }
        return 0;
    }

    private static double counter(String metric, String route, String errorType) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof CounterSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals(base(metric))) {
                for (CounterSnapshot.CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
                    if (matches(point.getLabels(), route, "error_type", errorType)) {
                        return point.getValue();
                    }
                }
            }
        }
        return 0;
    }

    private static boolean matches(Labels labels, String route, String label, String value) {
        String address = labels.get("http_route") != null ? labels.get("http_route") : labels.get("server_address");
        return route.equals(address) && value.equals(labels.get(label));
    }

    /** The registry's name of a metric: counters without {@code _total}, histograms with their unit. */
    private static String base(String metric) {
        return metric.endsWith("_total") ? metric.substring(0, metric.length() - "_total".length()) : metric;
    }
}
