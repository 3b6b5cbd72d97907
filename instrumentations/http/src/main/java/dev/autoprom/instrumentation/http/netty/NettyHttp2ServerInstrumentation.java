package dev.autoprom.instrumentation.http.netty;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * HTTP/2 streams on Netty servers that serve each stream as HTTP/1-style objects: a child channel per stream
 * ({@code Http2MultiplexHandler}) with an {@code Http2StreamFrameToHttpObjectCodec} in it, which turns the
 * stream's frames into an {@code HttpRequest} and the application's {@code HttpResponse} back into frames. That is
 * Reactor Netty's server (Spring WebFlux) for h2 over TLS, and for h2c both by prior knowledge and by upgrade from
 * HTTP/1.1. The same metrics handler as the {@code netty} instrumentation's is put after the codec in each stream's
 * pipeline: one request per stream, ended when its response's last content is written or when the stream closes
 * first (the client reset it, or the connection dropped). The codec's {@code handlerAdded} is its own (the class is
 * not final; only this class is matched). A codec built for a client ({@code isServer} false) is left alone.
 *
 * <p>A switch of its own ({@code netty-http2}) beside {@code netty}: the HTTP/2 path can be turned off alone, and
 * its hook is checked where netty-codec-http2 is present, without making {@code netty} "not applied" where it is
 * not (a plain HTTP/1 Netty server). An h2c upgrade's HTTP/1.1 request is not recorded by {@code netty} (its
 * {@code 101} ends it without a record): stream 1, here, is that request.
 */
public final class NettyHttp2ServerInstrumentation extends LibraryInstrumentation {

    static final String STREAM_CODEC = "io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec";

    public NettyHttp2ServerInstrumentation() {
        super("http", "netty-http2", Targets.named(STREAM_CODEC));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(STREAM_CODEC);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                STREAM_CODEC,
                named("handlerAdded")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext"))),
                "dev.autoprom.instrumentation.http.netty.StreamCodecAddedAdvice");
    }
}
