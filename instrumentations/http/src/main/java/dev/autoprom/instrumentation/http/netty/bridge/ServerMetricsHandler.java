package dev.autoprom.instrumentation.http.netty.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import java.nio.channels.ClosedChannelException;
import java.util.Map;

/**
 * Times the requests of one channel that carries {@code HttpRequest}s and {@code HttpResponse}s: an HTTP/1.x
 * connection, sitting right after its {@code HttpServerCodec}, or one HTTP/2 stream's child channel, right after its
 * {@code Http2StreamFrameToHttpObjectCodec} (one request per stream). A request starts when the codec hands it on,
 * and ends when the response's last content is written, or when the channel closes first (aborted: the client
 * hung up, or reset the stream; {@code error_type} {@code java.nio.channels.ClosedChannelException}, the exception
 * Netty itself gives a write to a closed channel). A request the codec could not decode is not one: the server
 * answers it (400) without the application. Interim responses (100 Continue) are not the end of a request. A
 * {@code 101} that switches the connection to h2c ends the HTTP/1.1 request without a record: the request is
 * served again as HTTP/2 stream 1, where it is recorded (a {@code 101} to a WebSocket is the request's end).
 *
 * <p>While the application first sees the request (the {@code channelRead} below, on this event loop thread), the
 * request is the thread's {@link ServerRequestScope}: a framework inside lends its route, its exception or its
 * exchange there (WebFlux creates its exchange, Micronaut matches its route, synchronously in that call), and they
 * are kept in this handler's fields until the response completes. All state is confined to the channel's event
 * loop; a request allocates nothing here. Pipelined requests (read before the previous response finished) wait
 * in a small queue, made on first use; their frameworks' routes are not seen.
 */
public final class ServerMetricsHandler extends ChannelDuplexHandler {

    static final String NAME = "autoprom.httpServerMetrics";
    private static final String COMPONENT = "http.netty";
    /** Used only for its class name, the aborted exchange's {@code error_type}. */
    private static final Throwable ABORTED = new ClosedChannelException();

    private static final int MAX_QUEUED = 16;

    /** On an HTTP/2 stream's child channel: TLS and Vert.x are looked for on the connection's (parent) channel. */
    private final boolean stream;

    private boolean decided;
    /** A Vert.x pipeline, or one whose set-up failed: nothing is recorded on this connection. */
    private boolean inert;

    private boolean https;

    // the oldest request in flight, whose response is being written; start is NOT_STARTED when there is none
    private long start = Timing.NOT_STARTED;
    private int method;
    private int status;
    /** The head request is being handed to the application on this thread right now. */
    private boolean dispatching;

    private String route;
    private Throwable error;
    private Object exchange;
    private ExchangeRoutes routes;

    private Thread scopeThread;
    private ServerRequestScope scope;

    private long[] queuedStarts;
    private int[] queuedMethods;
    private int queuedHead;
    private int queuedCount;

    /** For an HTTP/1.x connection's pipeline. */
    public ServerMetricsHandler() {
        this(false);
    }

    /** @param stream true on an HTTP/2 stream's child channel, whose parent is the connection */
    public ServerMetricsHandler(boolean stream) {
        this.stream = stream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof HttpRequest) || !started(ctx, (HttpRequest) msg)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ServerRequestScope scope = scope();
        scope.depth++;
        scope.clearLent();
        dispatching = true;
        try {
            ctx.fireChannelRead(msg);
        } finally {
            scope.depth--;
            if (dispatching) {
                dispatching = false;
                takeLent(scope);
            }
            scope.clearLent();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (start != Timing.NOT_STARTED) {
            written(msg);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        abortAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        abortAll();
    }

    /**
     * This thread's scope, looked up once per connection: a channel's handlers run on its one event loop thread
     * (the thread is checked, for a channel re-registered elsewhere).
     */
    private ServerRequestScope scope() {
        Thread current = Thread.currentThread();
        if (scopeThread != current) {
            scope = ServerRequestScope.current();
            scopeThread = current;
        }
        return scope;
    }

    /** Times a decoded request; true when it is the head (nothing before it in flight), to be dispatched now. */
    private boolean started(ChannelHandlerContext ctx, HttpRequest request) {
        try {
            if (!decided) {
                decide(ctx);
            }
            if (inert || !request.decoderResult().isSuccess()) {
                return false;
            }
            int m = HttpMethods.index(request.method().name());
            if (start == Timing.NOT_STARTED) {
                start = HttpServerRecorder.start(m, https);
                method = m;
                status = 0;
                return true;
            }
            enqueue(m);
            return false;
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return false;
        }
    }

    /** Once per connection (or stream), at its first request (the pipeline is complete by then). */
    private void decide(ChannelHandlerContext ctx) {
        decided = true;
        inert = true;
        ChannelPipeline pipeline = ctx.pipeline();
        if (hasVertx(pipeline)) {
            return; // Vert.x (and Quarkus on it) records at its own level
        }
        if (stream) {
            Channel connection = ctx.channel().parent();
            if (connection == null) {
                return; // not a stream after all: nothing known about its connection
            }
            pipeline = connection.pipeline();
            if (hasVertx(pipeline)) {
                return;
            }
        }
        https = pipeline.get(SslHandler.class) != null;
        inert = false;
    }

    private static boolean hasVertx(ChannelPipeline pipeline) {
        for (Map.Entry<String, ChannelHandler> entry : pipeline) {
            if (entry.getValue().getClass().getName().startsWith("io.vertx.")) {
                return true;
            }
        }
        return false;
    }

    private void enqueue(int m) {
        if (queuedStarts == null) {
            queuedStarts = new long[MAX_QUEUED];
            queuedMethods = new int[MAX_QUEUED];
        }
        if (queuedCount == MAX_QUEUED) {
            return; // a client pipelining this deep: the excess is not timed rather than mis-timed
        }
        int slot = (queuedHead + queuedCount) % MAX_QUEUED;
        queuedStarts[slot] = HttpServerRecorder.start(m, https);
        queuedMethods[slot] = m;
        queuedCount++;
    }

    private void written(Object msg) {
        try {
            if (msg instanceof HttpResponse) {
                HttpResponse response = (HttpResponse) msg;
                int code = response.status().code();
                if (code < 200 && code != 101) {
                    return; // interim (100 Continue, 103): the final response follows
                }
                if (code == 101 && isH2cUpgrade(response)) {
                    discardHead(); // HTTP/2 stream 1 is this request: recorded there
                    return;
                }
                status = code;
            }
            if (status != 0 && msg instanceof LastHttpContent) {
                complete(null);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    private static boolean isH2cUpgrade(HttpResponse response) {
        String upgrade = response.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.trim().equalsIgnoreCase("h2c");
    }

    /** The head request is not one of this connection's: forgotten without a record. */
    private void discardHead() {
        dispatching = false; // nothing lent to it is kept
        start = Timing.NOT_STARTED;
        route = null;
        error = null;
        exchange = null;
        routes = null;
        status = 0;
        HttpServerRecorder.discard(method, https);
        nextHead();
    }

    private void nextHead() {
        if (queuedCount > 0) {
            start = queuedStarts[queuedHead];
            method = queuedMethods[queuedHead];
            queuedHead = (queuedHead + 1) % MAX_QUEUED;
            queuedCount--;
        }
    }

    private void takeLent(ServerRequestScope scope) {
        route = scope.frameworkRoute;
        error = scope.frameworkError;
        exchange = scope.exchange;
        routes = scope.exchangeRoutes;
    }

    /** Records the head request and makes the next queued one the head. */
    private void complete(Throwable aborted) {
        if (dispatching) {
            dispatching = false;
            takeLent(scope());
        }
        long started = start;
        String template = route;
        Throwable thrown = null;
        try {
            if (routes != null) {
                String lent = routes.route(exchange);
                if (lent != null) {
                    template = lent;
                }
                // an exception that escaped the framework (a stream failing mid-response) names the abort too
                thrown = routes.error(exchange, status);
            }
            if (thrown == null && status >= 500) {
                thrown = error;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
        if (thrown == null) {
            thrown = aborted;
        }
        start = Timing.NOT_STARTED;
        route = null;
        error = null;
        exchange = null;
        routes = null;
        HttpServerRecorder.end(started, method, https, status, template == null ? "" : template, thrown);
        status = 0;
        nextHead();
    }

    /** The connection is gone: every request still in flight ends now, once. */
    private void abortAll() {
        try {
            while (start != Timing.NOT_STARTED) {
                complete(ABORTED);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }
}
