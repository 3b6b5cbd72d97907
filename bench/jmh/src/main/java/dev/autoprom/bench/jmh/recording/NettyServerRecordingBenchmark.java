package dev.autoprom.bench.jmh.recording;

import dev.autoprom.instrumentation.http.ServerRequestScope;
import dev.autoprom.instrumentation.http.netty.bridge.ServerMetricsHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording path of the Netty-based servers (plain Netty, Reactor Netty under WebFlux, Micronaut): one request
 * through the real {@code ServerMetricsHandler} the agent puts after {@code HttpServerCodec}, on an
 * {@code EmbeddedChannel}: the decoded request read, the application's handler answering it with a full response
 * (written with the void promise, as a handler that needs no completion does), the response passing the metrics
 * handler on its way out.
 *
 * <ul>
 *   <li><b>baseline</b>: the same pipeline without the metrics handler: what the channel itself costs.
 *   <li><b>recorder</b>: with it; {@code recorder - baseline} is the agent's cost per request (ThreadLocal scope,
 *       active gauge up and down, the route's cached child, the duration observation).
 *   <li><b>recorderLentRoute</b>: with it, the application handler lending a route template the way Micronaut's
 *       hook does ({@code ServerRequestScope.frameworkRoute}); 16 templates rotate.
 * </ul>
 *
 * Target (issue 17): at most 100 ns and 0 B/op over the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NettyServerRecordingBenchmark {

    private static final HttpRequest REQUEST = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/items/1");
    /** Unpooled.EMPTY_BUFFER ignores retain/release, so one response object can be written again and again. */
    private static final FullHttpResponse RESPONSE =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER);

    private static final String[] TEMPLATES = new String[16];

    static {
        for (int i = 0; i < TEMPLATES.length; i++) {
            TEMPLATES[i] = "/route-" + i + "/{id}";
        }
    }

    private EmbeddedChannel bare;
    private EmbeddedChannel recorded;
    private EmbeddedChannel recordedLending;

    @Setup(Level.Trial)
    public void setUp() {
        bare = new EmbeddedChannel(new Responder(false));
        recorded = new EmbeddedChannel(new ServerMetricsHandler(), new Responder(false));
        recordedLending = new EmbeddedChannel(new ServerMetricsHandler(), new Responder(true));
    }

    @Benchmark
    public int baseline() {
        return oneRequest(bare);
    }

    @Benchmark
    public int recorder() {
        return oneRequest(recorded);
    }

    @Benchmark
    public int recorderLentRoute() {
        return oneRequest(recordedLending);
    }

    private static int oneRequest(EmbeddedChannel channel) {
        channel.pipeline().fireChannelRead(REQUEST);
        int written = channel.outboundMessages().size();
        channel.outboundMessages().clear();
        return written;
    }

    /** The application: answers each request at once, on the event loop. */
    static final class Responder extends ChannelInboundHandlerAdapter {
        private final boolean lendRoute;
        private int next;

        Responder(boolean lendRoute) {
            this.lendRoute = lendRoute;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (lendRoute) {
                ServerRequestScope.current().frameworkRoute = TEMPLATES[next];
                next = (next + 1) & (TEMPLATES.length - 1);
            }
            ctx.writeAndFlush(RESPONSE, ctx.voidPromise());
        }
    }
}
