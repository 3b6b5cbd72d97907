package dev.autoprom.instrumentation.websocket.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Undertow's hooks on plain objects: frame headers read back as written, and Undertow's close-code rule. */
class UndertowHooksTest {

    private static final AtomicInteger ROUTES = new AtomicInteger();

    private static String route() {
        return "/undertow-unit-" + ROUTES.incrementAndGet() + "/{id}";
    }

    @Test
    void sentFrameHeadersGiveTypeFinAndEveryLengthEncoding() {
        String route = route();
        Object channel = new Object();
        UndertowHooks.serverSession(channel, new Object(), route, "com.acme.Chat");
        UndertowHooks.frameSent(channel, header(0x81, 100)); // text, FIN, 7-bit length
        UndertowHooks.frameSent(channel, header(0x02, 1000)); // binary, more to come, 16-bit length
        UndertowHooks.frameSent(channel, header(0x80, 70_000)); // its continuation, FIN, 64-bit length
        UndertowHooks.frameSent(channel, header(0x88, 2)); // close: not a message

        assertThat(sent(route, "text", false)).isEqualTo(1);
        assertThat(sent(route, "text", true)).isEqualTo(100);
        assertThat(sent(route, "binary", false)).isEqualTo(1);
        assertThat(sent(route, "binary", true)).isEqualTo(71_000);
        UndertowHooks.sessionClosed(channel, 1000, true, false, 1000, null);
    }

    @Test
    void closeCodesFollowUndertowsRule() {
        String peerClosed = route();
        close(peerClosed, 1001, true, false, 1000);
        String vanished = route();
        close(vanished, -1, false, false, 1000); // the channel's close task, no close frame either way
        String applicationClosed = route();
        close(applicationClosed, -1, false, true, 1000);
        String tooBig = route();
        close(tooBig, -1, false, false, 1009);

        assertThat(closes(peerClosed, "1001")).isEqualTo(1);
        assertThat(closes(vanished, "1006")).isEqualTo(1);
        assertThat(closes(applicationClosed, "1000")).isEqualTo(1);
        assertThat(closes(tooBig, "1009")).isEqualTo(1);
    }

    @Test
    void springEndpointsNeverGetTheirRawPathAsRoute() {
        Object channel = new Object();
        UndertowHooks.serverSession(
                channel, null, "/spring/room-raw-77", "org.springframework.web.socket.adapter.standard.X");
        UndertowHooks.sessionClosed(channel, 1000, true, false, 1000, null);
        assertThat(closes("/spring/room-raw-77", "1000")).isZero();
        assertThat(closes("", "1000")).isGreaterThanOrEqualTo(1);
    }

    private static void close(String route, int channelCode, boolean byPeer, boolean local, int requested) {
        Object channel = new Object();
        UndertowHooks.serverSession(channel, new Object(), route, "com.acme.Chat");
        UndertowHooks.sessionClosed(channel, channelCode, byPeer, local, requested, null);
        UndertowHooks.sessionClosed(channel, 1000, true, false, 1000, null); // once only
    }

    private static ByteBuffer header(int b0, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) b0);
        if (length <= 125) {
            header.put((byte) length);
        } else if (length <= 0xFFFF) {
            header.put((byte) 126).putShort((short) length);
        } else {
            header.put((byte) 127).putLong(length);
        }
        header.flip();
        return header;
    }

    private static double sent(String route, String type, boolean sum) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals("websocket_server_message_size_bytes")) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point :
                        ((HistogramSnapshot) snapshot).getDataPoints()) {
                    if (route.equals(point.getLabels().get("http_route"))
                            && "sent".equals(point.getLabels().get("direction"))
                            && type.equals(point.getLabels().get("websocket_message_type"))) {
                        return sum ? point.getSum() : point.getCount();
                    }
                }
            }
        }
        return 0;
    }

    private static long closes(String route, String code) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata()
                            .getPrometheusName()
                            .equals("websocket_server_connection_duration_seconds")) {
                long total = 0;
                for (HistogramSnapshot.HistogramDataPointSnapshot point :
                        ((HistogramSnapshot) snapshot).getDataPoints()) {
                    if (route.equals(point.getLabels().get("http_route"))
                            && code.equals(point.getLabels().get("websocket_close_code"))) {
                        total += point.getCount();
                    }
                }
                return total;
            }
        }
        return 0;
    }
}
