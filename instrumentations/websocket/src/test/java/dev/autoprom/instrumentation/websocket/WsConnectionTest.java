package dev.autoprom.instrumentation.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared recording logic, read back from the agent's registry. Each test uses its own server_address. */
class WsConnectionTest {

    private static final AtomicInteger HOSTS = new AtomicInteger();

    private static String host() {
        return "unit-" + HOSTS.incrementAndGet() + ".example";
    }

    @Test
    void fragmentsAreOneMessageWithTheirWholeSizeAndControlFramesInterleave() {
        String host = host();
        WsConnection connection = WsConnection.connecting("test", host);
        connection.opened();
        connection.sent().part(WsConnection.TEXT, 10, false);
        connection.sent().part(WsConnection.PING, 4, true); // a control frame between fragments
        connection.sent().part(WsConnection.CONTINUATION, 20, false);
        connection.sent().part(WsConnection.CONTINUATION, 30, true);
        connection.received().part(WsConnection.BINARY, 7, true);
        connection.received().part(WsConnection.NOT_COUNTED, 2, true); // a close frame

        assertThat(count(host, "sent", "text")).isEqualTo(1);
        assertThat(sum(host, "sent", "text")).isEqualTo(60);
        assertThat(count(host, "sent", "ping")).isEqualTo(1);
        assertThat(sum(host, "sent", "ping")).isEqualTo(4);
        assertThat(count(host, "received", "binary")).isEqualTo(1);
        assertThat(count(host, "received", "text")).isZero();
    }

    @Test
    void typedPartsAsJavaNetHttpGivesThemMakeOneMessage() {
        String host = host();
        WsConnection connection = WsConnection.connecting("test", host);
        connection.opened();
        connection.sent().typedPart(WsConnection.TEXT, 25, false);
        connection.sent().typedPart(WsConnection.TEXT, 25, false);
        connection.sent().typedPart(WsConnection.TEXT, 50, true);
        connection.sent().typedPart(WsConnection.TEXT, 7, true);
        connection.received().typedPart(WsConnection.BINARY, 1, false);
        connection.received().typedPart(WsConnection.PONG, 3, true);
        connection.received().typedPart(WsConnection.BINARY, 2, true);

        assertThat(count(host, "sent", "text")).isEqualTo(2);
        assertThat(sum(host, "sent", "text")).isEqualTo(107);
        assertThat(count(host, "received", "binary")).isEqualTo(1);
        assertThat(sum(host, "received", "binary")).isEqualTo(3);
        assertThat(count(host, "received", "pong")).isEqualTo(1);
    }

    @Test
    void singleFrameMessagesSentConcurrentlyKeepTheirTypes() throws Exception {
        String host = host();
        WsConnection connection = WsConnection.connecting("test", host);
        connection.opened();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int type = t % 2 == 0 ? WsConnection.TEXT : WsConnection.BINARY;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    connection.sent().part(type, type == WsConnection.TEXT ? 1 : 2, true);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(count(host, "sent", "text")).isEqualTo(20_000);
        assertThat(sum(host, "sent", "text")).isEqualTo(20_000);
        assertThat(count(host, "sent", "binary")).isEqualTo(20_000);
        assertThat(sum(host, "sent", "binary")).isEqualTo(40_000);
    }

    @Test
    void lifeCycleStepsCountOnceWhateverTheOrderOfCallbacks() {
        String host = host();
        WsConnection connection = WsConnection.connecting("test", host);
        connection.opened();
        connection.opened();
        assertThat(active(host)).isEqualTo(1);
        connection.error("java.io.EOFException");
        connection.closed(1006);
        connection.closed(1000);
        connection.connectFailed("late");

        assertThat(active(host)).isZero();
        assertThat(histogramCount(WebSocketMetricNames.CONNECTION_DURATION, host, "1006"))
                .isEqualTo(1);
        assertThat(histogramCount(WebSocketMetricNames.CONNECTION_DURATION, host, "1000"))
                .isZero();
        assertThat(histogramCount(WebSocketMetricNames.CONNECT_DURATION, host, ""))
                .isEqualTo(1);
        assertThat(histogramCount(WebSocketMetricNames.CONNECT_DURATION, host, "late"))
                .isZero();
    }

    @Test
    void anErrorBeforeTheOpenIsAFailedHandshake() {
        String host = host();
        WsConnection connection = WsConnection.connecting("test", host);
        connection.error("java.net.ConnectException");
        connection.opened(); // too late: the attempt has ended
        connection.closed(1000);

        assertThat(histogramCount(WebSocketMetricNames.CONNECT_DURATION, host, "java.net.ConnectException"))
                .isEqualTo(1);
        assertThat(active(host)).isZero();
        assertThat(histogramCount(WebSocketMetricNames.CONNECTION_DURATION, host, "1000"))
                .isZero();
    }

    private static long count(String host, String direction, String type) {
        HistogramSnapshot.HistogramDataPointSnapshot point = messages(host, direction, type);
        return point == null ? 0 : point.getCount();
    }

    private static double sum(String host, String direction, String type) {
        HistogramSnapshot.HistogramDataPointSnapshot point = messages(host, direction, type);
        return point == null ? 0 : point.getSum();
    }

    private static HistogramSnapshot.HistogramDataPointSnapshot messages(String host, String direction, String type) {
        for (HistogramSnapshot.HistogramDataPointSnapshot point :
                histogram(WebSocketMetricNames.MESSAGE_SIZE).getDataPoints()) {
            if (host.equals(point.getLabels().get("server_address"))
                    && direction.equals(point.getLabels().get("direction"))
                    && type.equals(point.getLabels().get("websocket_message_type"))) {
                return point;
            }
        }
        return null;
    }

    /** The count of the series of {@code metric} with this host and third label (error_type or close code). */
    private static long histogramCount(String metric, String host, String third) {
        for (HistogramSnapshot.HistogramDataPointSnapshot point :
                histogram(metric).getDataPoints()) {
            if (host.equals(point.getLabels().get("server_address"))
                    && (third.equals(point.getLabels().get("error_type"))
                            || third.equals(point.getLabels().get("websocket_close_code")))) {
                return point.getCount();
            }
        }
        return 0;
    }

    private static double active(String host) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof GaugeSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals(WebSocketMetricNames.CONNECTIONS_ACTIVE)) {
                for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
                    if (host.equals(point.getLabels().get("server_address"))) {
                        return point.getValue();
                    }
                }
            }
        }
        return 0;
    }

    private static HistogramSnapshot histogram(String name) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals(name)) {
                return (HistogramSnapshot) snapshot;
            }
        }
        throw new AssertionError("no histogram " + name);
    }
}
