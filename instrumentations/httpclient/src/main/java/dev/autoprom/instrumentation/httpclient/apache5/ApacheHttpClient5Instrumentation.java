package dev.autoprom.instrumentation.httpclient.apache5;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Apache HttpClient 5.x, classic (blocking) API. The client built by {@code HttpClients}/{@code HttpClientBuilder}
 * runs each request through an exec chain (redirects, retries, protocol, connect, main); {@code ConnectExec}
 * establishes the route's connection and passes the request on to the server, so one call of it is one request on
 * the wire (a retry or a followed redirect calls it again). {@code HttpClients.createMinimal()} has no chain: its
 * {@code doExecute} is the one request. The async client built by {@code HttpAsyncClients} runs the same chain
 * with callbacks: {@code AsyncConnectExec} gets its callback wrapped, and the request ends when the response
 * headers or the failure reach it; so does the HTTP/2-only client of {@code H2AsyncClientBuilder}. The minimal
 * async clients ({@code HttpAsyncClients.createMinimal()}, {@code createHttp2Minimal()}) have no chain: their
 * {@code execute(exchangeHandler, ...)} gets the application's exchange handler wrapped instead.
 */
public final class ApacheHttpClient5Instrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.httpclient.apache5.";
    private static final String[] TYPES = {
        "org.apache.hc.client5.http.impl.classic.ConnectExec",
        "org.apache.hc.client5.http.impl.classic.MinimalHttpClient",
        "org.apache.hc.client5.http.impl.async.AsyncConnectExec",
        "org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient",
        "org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient"
    };

    public ApacheHttpClient5Instrumentation() {
        super("httpclient", "apache-httpclient5", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("execute")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                                .and(takesArgument(1, named("org.apache.hc.client5.http.classic.ExecChain$Scope")))
                                .and(takesArgument(2, named("org.apache.hc.client5.http.classic.ExecChain"))),
                        ADVICE + "ConnectExecAdvice")
                .advise(
                        named("doExecute")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named("org.apache.hc.core5.http.HttpHost")))
                                .and(takesArgument(1, named("org.apache.hc.core5.http.ClassicHttpRequest")))
                                .and(takesArgument(2, named("org.apache.hc.core5.http.protocol.HttpContext"))),
                        ADVICE + "MinimalClientAdvice")
                .advise(
                        named("execute")
                                .and(takesArguments(5))
                                .and(takesArgument(0, named("org.apache.hc.core5.http.HttpRequest")))
                                .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncEntityProducer")))
                                .and(takesArgument(2, named("org.apache.hc.client5.http.async.AsyncExecChain$Scope")))
                                .and(takesArgument(3, named("org.apache.hc.client5.http.async.AsyncExecChain")))
                                .and(takesArgument(4, named("org.apache.hc.client5.http.async.AsyncExecCallback"))),
                        ADVICE + "AsyncConnectExecAdvice")
                .advise(
                        named("execute")
                                .and(takesArguments(3))
                                .and(takesArgument(0, named("org.apache.hc.core5.http.nio.AsyncClientExchangeHandler")))
                                .and(takesArgument(1, named("org.apache.hc.core5.http.nio.HandlerFactory")))
                                .and(takesArgument(2, named("org.apache.hc.core5.http.protocol.HttpContext"))),
                        ADVICE + "MinimalAsyncAdvice");
    }
}
