package dev.autoprom.instrumentation.http.netty.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vertx.fake.FakeVertxHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics handler on an {@code EmbeddedChannel}, in the cases a real server makes rare: pipelined requests,
 * interim responses, undecodable requests, a connection closed mid-response, a Vert.x pipeline, and what frameworks
 * lend. Each test uses its own routes (the registry is the agent's global one) and counts what it adds.
 */
class ServerMetricsHandlerTest {

    /** The application: lends the request's URI as its "route" (a test stand-in for a framework), answers nothing. */
    static final class App extends ChannelInboundHandlerAdapter {
        final List<HttpRequest> received = new ArrayList<>();
        ExchangeRoutes routes;
        Object exchange;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                HttpRequest request = (HttpRequest) msg;
                received.add(request);
                ServerRequestScope scope = ServerRequestScope.current();
                if (scope.depth > 0 && routes == null) {
                    scope.frameworkRoute = request.uri();
                }
                if (routes != null) {
                    ServerRequestScope.lendExchange(exchange, routes);
                }
            }
        }
    }

    /** A connection's pipeline: the handler under test, then the application. */
    private static EmbeddedChannel server(ChannelHandler app) {
        return new EmbeddedChannel(new ServerMetricsHandler(), app);
    }

    /** No request is left active; then the channels are closed and their messages released, in this order. */
    private static void endWithNoneActive(EmbeddedChannel... channels) {
        assertThat(active()).isZero();
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    private static HttpRequest get(String uri) {
        return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    private static DefaultFullHttpResponse full(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
    }

    @Test
    void pipelinedRequestsAreEachRecordedOnceInOrder() {
        App app = new App();
        EmbeddedChannel channel = server(app);
        channel.writeInbound(get("/pipe-a"), get("/pipe-b"), get("/pipe-c"));
        assertThat(app.received).hasSize(3);
        channel.writeOutbound(
                full(HttpResponseStatus.OK), full(HttpResponseStatus.CREATED), full(HttpResponseStatus.OK));
        // the first was the head when the application read it, the others were queued: only its route was lent
        assertThat(count("/pipe-a", "200", "")).isEqualTo(1);
        assertThat(count("", "201", "")).isGreaterThanOrEqualTo(1);
        endWithNoneActive(channel);
    }

    @Test
    void interimResponsesDoNotEndTheRequest() {
        EmbeddedChannel channel = server(new App());
        channel.writeInbound(get("/continue"));
        channel.writeOutbound(full(HttpResponseStatus.CONTINUE));
        assertThat(count("/continue", "100", "")).isZero();
        assertThat(active()).isEqualTo(1);
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertThat(count("/continue", "200", "")).isZero();
        channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(count("/continue", "200", "")).isEqualTo(1);
        endWithNoneActive(channel);
    }

    @Test
    void anUndecodableRequestIsNotARequest() {
        App app = new App();
        EmbeddedChannel channel = server(app);
        HttpRequest bad = get("/bad-request");
        bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("invalid version")));
        channel.writeInbound(bad);
        assertThat(app.received).containsExactly(bad);
        assertThat(active()).isZero();
        channel.writeOutbound(full(HttpResponseStatus.BAD_REQUEST));
        assertThat(count("/bad-request", "400", "")).isZero();
        assertThat(count("", "400", "")).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionClosedMidResponseIsOneAbortedRecord() {
        EmbeddedChannel channel = server(new App());
        channel.writeInbound(get("/aborted"), get("/aborted-queued"));
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.close();
        assertThat(count("/aborted", "200", "java.nio.channels.ClosedChannelException"))
                .isEqualTo(1);
        // the queued one never got a status
        assertThat(count("", "", "java.nio.channels.ClosedChannelException")).isGreaterThanOrEqualTo(1);
        endWithNoneActive(channel);
    }

    @Test
    void aVertxPipelineIsLeftToVertx() {
        App app = new App();
        EmbeddedChannel channel = new EmbeddedChannel(new FakeVertxHandler(), new ServerMetricsHandler(), app);
        channel.writeInbound(get("/vertx"));
        assertThat(app.received).hasSize(1);
        assertThat(active()).isZero();
        channel.writeOutbound(full(HttpResponseStatus.OK));
        assertThat(count("/vertx", "200", "")).isZero();
        assertThat(count("", "200", "")).isEqualTo(countBefore);
        channel.finishAndReleaseAll();
    }

    private final double countBefore = count("", "200", "");

    @Test
    void aLentExchangeGivesRouteAndTheExceptionOfA5xx() {
        IllegalStateException failure = new IllegalStateException();
        App app = new App();
        app.exchange = new Object();
        app.routes = new ExchangeRoutes() {
            @Override
            public String route(Object exchange) {
                return exchange == app.exchange ? "/lent/{id}" : null;
            }

            @Override
            public Throwable error(Object exchange, int status) {
                return status >= 500 ? failure : null;
            }
        };
        EmbeddedChannel channel = server(app);
        channel.writeInbound(get("/lent/1"));
        channel.writeOutbound(full(HttpResponseStatus.INTERNAL_SERVER_ERROR));
        channel.writeInbound(get("/lent/2"));
        channel.writeOutbound(full(HttpResponseStatus.OK));
        assertThat(count("/lent/{id}", "500", "java.lang.IllegalStateException"))
                .isEqualTo(1);
        assertThat(count("/lent/{id}", "200", "")).isEqualTo(1);
        assertThat(ServerRequestScope.current().exchange)
                .as("nothing lent outlives the read")
                .isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionWithTlsIsSchemeHttps() throws Exception {
        javax.net.ssl.SSLEngine engine = javax.net.ssl.SSLContext.getDefault().createSSLEngine();
        engine.setUseClientMode(false);
        ChannelInboundHandlerAdapter responder = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ServerRequestScope.current().frameworkRoute = "/tls";
                ctx.writeAndFlush(full(HttpResponseStatus.OK)); // from here: past the metrics handler, not TLS
            }
        };
        // the TLS handler's place does not matter to the metrics handler, only that the pipeline has one
        EmbeddedChannel channel =
                new EmbeddedChannel(new ServerMetricsHandler(), responder, new io.netty.handler.ssl.SslHandler(engine));
        channel.writeInbound(get("/tls"));
        assertThat(count("/tls", "200", "", "https")).isEqualTo(1);
        assertThat(count("/tls", "200", "", "http")).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void anH2cUpgradeIsNotRecordedAsIts101() {
        App app = new App();
        EmbeddedChannel channel = server(app);
        channel.writeInbound(get("/h2c-upgrade"));
        assertThat(active()).isEqualTo(1);
        DefaultFullHttpResponse switching = full(HttpResponseStatus.SWITCHING_PROTOCOLS);
        switching.headers().set("upgrade", "h2c");
        channel.writeOutbound(switching);
        assertThat(active()).as("taken back: stream 1 is the request now").isZero();
        assertThat(count("/h2c-upgrade", "101", "")).isZero();
        channel.close();
        assertThat(count("/h2c-upgrade", "", "java.nio.channels.ClosedChannelException"))
                .as("nothing left to abort")
                .isZero();
        endWithNoneActive(channel);
    }

    @Test
    void aWebSocketUpgradeIsRecordedAsIts101() {
        EmbeddedChannel channel = server(new App());
        channel.writeInbound(get("/ws-upgrade"));
        DefaultFullHttpResponse switching = full(HttpResponseStatus.SWITCHING_PROTOCOLS);
        switching.headers().set("upgrade", "websocket");
        channel.writeOutbound(switching);
        assertThat(count("/ws-upgrade", "101", "")).isEqualTo(1);
        endWithNoneActive(channel);
    }

    @Test
    void aStreamTakesItsSchemeFromItsConnection() throws Exception {
        javax.net.ssl.SSLEngine engine = javax.net.ssl.SSLContext.getDefault().createSSLEngine();
        engine.setUseClientMode(false);
        EmbeddedChannel connection = new EmbeddedChannel(new io.netty.handler.ssl.SslHandler(engine));
        EmbeddedChannel stream = new EmbeddedChannel(
                connection,
                io.netty.channel.DefaultChannelId.newInstance(),
                true,
                false,
                new ServerMetricsHandler(true),
                new App());
        stream.writeInbound(get("/stream-tls"));
        stream.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        stream.close(); // reset mid-response
        assertThat(count("/stream-tls", "200", "java.nio.channels.ClosedChannelException", "https"))
                .isEqualTo(1);
        endWithNoneActive(stream, connection);
    }

    @Test
    void aStreamOfAVertxConnectionIsLeftToVertx() {
        EmbeddedChannel connection = new EmbeddedChannel(new FakeVertxHandler());
        EmbeddedChannel stream = new EmbeddedChannel(
                connection,
                io.netty.channel.DefaultChannelId.newInstance(),
                true,
                false,
                new ServerMetricsHandler(true),
                new App());
        stream.writeInbound(get("/stream-vertx"));
        assertThat(active()).isZero();
        stream.writeOutbound(full(HttpResponseStatus.OK));
        assertThat(count("/stream-vertx", "200", "")).isZero();
        stream.finishAndReleaseAll();
        connection.finishAndReleaseAll();
    }

    private static double count(String route, String status, String errorType) {
        return count(route, status, errorType, null);
    }

    private static double count(String route, String status, String errorType, String scheme) {
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof HistogramSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals("http_server_request_duration_seconds")) {
                double total = 0;
                for (HistogramSnapshot.HistogramDataPointSnapshot point :
                        ((HistogramSnapshot) snapshot).getDataPoints()) {
                    if (point.getLabels().get("http_route").equals(route)
                            && point.getLabels()
                                    .get("http_response_status_code")
                                    .equals(status)
                            && point.getLabels().get("error_type").equals(errorType)
                            && (scheme == null
                                    || point.getLabels().get("url_scheme").equals(scheme))) {
                        total += point.getCount();
                    }
                }
                return total;
            }
        }
        return 0;
    }

    private static double active() {
        double total = 0;
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape()) {
            if (snapshot instanceof GaugeSnapshot
                    && snapshot.getMetadata().getPrometheusName().equals("http_server_active_requests")) {
                for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
                    total += point.getValue();
                }
            }
        }
        return total;
    }
}
