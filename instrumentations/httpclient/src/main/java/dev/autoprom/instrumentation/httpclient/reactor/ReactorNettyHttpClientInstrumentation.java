package dev.autoprom.instrumentation.httpclient.reactor;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Reactor Netty's {@code HttpClient} (1.2, 1.3; what Spring's {@code WebClient} runs on by default). Each request
 * on the wire is one run of {@code HttpClientConnect.MonoHttpConnect}'s connection sink (a followed redirect and a
 * retry of a reset connection run it again): its {@code HttpObserver} is made, then the connection provider asked,
 * where the request starts. The observer's callbacks and the transport subscriber's error end it; the sink's
 * disposal (a bridge) ends one the subscriber cancelled. No type Reactor Netty keeps package-private is named:
 * the advice reads their fields as the public types they are declared with.
 */
public final class ReactorNettyHttpClientInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.httpclient.reactor.";
    private static final String CONNECT = "reactor.netty.http.client.HttpClientConnect";
    private static final String OBSERVER = CONNECT + "$HttpObserver";
    private static final String SUBSCRIBER = CONNECT + "$MonoHttpConnect$ClientTransportSubscriber";
    private static final String HANDLER = CONNECT + "$HttpClientHandler";
    private static final String PROVIDER = "reactor.netty.http.client.HttpConnectionProvider";

    public ReactorNettyHttpClientInstrumentation() {
        super("httpclient", "reactor-netty-httpclient", Targets.named(OBSERVER, SUBSCRIBER, HANDLER, PROVIDER));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        OBSERVER,
                        isConstructor()
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("reactor.core.publisher.MonoSink"))),
                        ADVICE + "ObserverAdvice")
                .advise(
                        PROVIDER,
                        named("acquire")
                                .and(takesArguments(4))
                                .and(takesArgument(0, named("reactor.netty.transport.TransportConfig")))
                                .and(takesArgument(2, named("java.util.function.Supplier"))),
                        ADVICE + "AcquireAdvice")
                .advise(OBSERVER, named("onStateChange").and(takesArguments(2)), ADVICE + "StateAdvice")
                .advise(OBSERVER, named("onUncaughtException").and(takesArguments(2)), ADVICE + "UncaughtAdvice")
                .advise(
                        SUBSCRIBER,
                        named("onError").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "ConnectErrorAdvice")
                .advise(HANDLER, named("requestWithBody").and(takesArguments(1)), ADVICE + "RequestWriteAdvice");
    }
}
