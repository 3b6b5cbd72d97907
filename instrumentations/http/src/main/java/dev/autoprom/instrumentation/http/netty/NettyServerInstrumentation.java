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
 * HTTP/1.x servers built on Netty's {@code HttpServerCodec}: plain Netty pipelines, and the frameworks whose
 * server is one (Reactor Netty under Spring WebFlux, Micronaut). This is the one place such requests are
 * recorded; frameworks above only lend their route and exception ({@code ServerRequestScope}). When a codec joins
 * a pipeline, a metrics handler is put right after it, which sees each decoded request and each response the
 * application writes. {@code HttpServerCodec} is final and declares no {@code handlerAdded} of its own, so the
 * hook is on its base class, {@code CombinedChannelDuplexHandler}, and the hook code picks the codec out by class.
 * Vert.x builds its pipelines from its own decoder and encoder, never from this codec, and a pipeline with any
 * {@code io.vertx.*} handler is left alone besides (Vert.x records itself). HTTP/2 streams are recorded by
 * {@link NettyHttp2ServerInstrumentation} with the same handler; an HTTP/1.1 request upgraded to h2c is one of them
 * (stream 1), so its {@code 101} ends it here without a record.
 */
public final class NettyServerInstrumentation extends LibraryInstrumentation {

    static final String COMBINED = "io.netty.channel.CombinedChannelDuplexHandler";

    public NettyServerInstrumentation() {
        super("http", "netty", Targets.named(COMBINED));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(COMBINED);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                COMBINED,
                named("handlerAdded")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("io.netty.channel.ChannelHandlerContext"))),
                "dev.autoprom.instrumentation.http.netty.HandlerAddedAdvice");
    }
}
