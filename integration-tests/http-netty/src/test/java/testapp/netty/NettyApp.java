package testapp.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain Netty server: HttpServerCodec + HttpObjectAggregator + one handler, serving the routes of
 * NonServletServerContract; an exception from the handler is answered 500 by its exceptionCaught, the way a Netty
 * application does it. Prints "ready port=N".
 */
public final class NettyApp {

    private static final Queue<ChannelHandlerContext> HELD = new ConcurrentLinkedQueue<>();
    /** Set by /release; a /hold that arrives after it answers at once (the test may release first). */
    private static volatile boolean released;

    public static void main(String[] args) throws Exception {
        NioEventLoopGroup boss = new NioEventLoopGroup(1);
        NioEventLoopGroup workers = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("codec", new HttpServerCodec())
                                .addLast("aggregator", new HttpObjectAggregator(65536))
                                .addLast("app", new AppHandler());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        System.out.println("ready port=" + ((java.net.InetSocketAddress) server.localAddress()).getPort());
        server.closeFuture().sync();
    }

    static final class AppHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (!request.decoderResult().isSuccess()) {
                ctx.writeAndFlush(text(HttpResponseStatus.BAD_REQUEST, "bad request"))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            String path = request.uri();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (path.equals("/hello")) {
                send(ctx, text(HttpResponseStatus.OK, "hello"), keepAlive);
            } else if (path.startsWith("/items/")) {
                send(ctx, text(HttpResponseStatus.OK, "item " + path.substring(7)), keepAlive);
            } else if (path.equals("/fail")) {
                throw new IllegalStateException("handler failed");
            } else if (path.equals("/stream")) {
                stream(ctx);
            } else if (path.equals("/hold") && request.method().equals(HttpMethod.DELETE)) {
                HELD.add(ctx);
                if (released) {
                    releaseHeld();
                }
            } else if (path.equals("/release")) {
                released = true;
                releaseHeld();
                send(ctx, text(HttpResponseStatus.OK, "released"), keepAlive);
            } else if (path.equals("/load")) {
                send(ctx, text(HttpResponseStatus.OK, "ok"), keepAlive);
            } else {
                send(ctx, text(HttpResponseStatus.NOT_FOUND, "not found"), keepAlive);
            }
        }

        private static void releaseHeld() {
            ChannelHandlerContext held;
            while ((held = HELD.poll()) != null) {
                ChannelHandlerContext h = held;
                h.executor().execute(() -> send(h, text(HttpResponseStatus.OK, "released"), true));
            }
        }

        /** Five chunks 100 ms apart, scheduled on the event loop: nothing blocks. */
        private static void stream(ChannelHandlerContext ctx) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ctx.writeAndFlush(head);
            chunk(ctx, 0);
        }

        private static void chunk(ChannelHandlerContext ctx, int sent) {
            ctx.executor()
                    .schedule(
                            () -> {
                                if (!ctx.channel().isActive()) {
                                    return;
                                }
                                ctx.writeAndFlush(new DefaultHttpContent(
                                        Unpooled.copiedBuffer("chunk\n", StandardCharsets.US_ASCII)));
                                if (sent + 1 < 5) {
                                    chunk(ctx, sent + 1);
                                } else {
                                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                                }
                            },
                            100,
                            TimeUnit.MILLISECONDS);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.writeAndFlush(text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "failed"));
        }

        private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (keepAlive) {
                HttpUtil.setKeepAlive(response, true);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body) {
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            HttpUtil.setContentLength(response, response.content().readableBytes());
            return response;
        }
    }
}
