package dev.autoprom.instrumentation.httpclient.vertx;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Vert.x 4 and 5 {@code HttpClient} ({@code io.vertx.core.http}), and so {@code WebClient}, which sends through
 * it. Every request, and each redirect the client follows, asks the pool for a connection in the private
 * {@code HttpClientImpl.doRequest} (Vert.x 4: it completes a promise it is given; 5: it returns a future); its {@code HttpClientRequestImpl} reports the response's head in
 * {@code handleResponse} and every failure in {@code HttpClientRequestBase.fail}.
 */
public final class VertxHttpClientInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.httpclient.vertx.";
    private static final String CLIENT = "io.vertx.core.http.impl.HttpClientImpl";
    private static final String REQUEST = "io.vertx.core.http.impl.HttpClientRequestImpl";
    private static final String REQUEST_BASE = "io.vertx.core.http.impl.HttpClientRequestBase";

    public VertxHttpClientInstrumentation() {
        super("httpclient", "vertx-httpclient", Targets.named(CLIENT, REQUEST, REQUEST_BASE));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.adviseOneOf(
                        "doRequest",
                        CLIENT,
                        named("doRequest")
                                .and(takesArguments(14))
                                .and(takesArgument(0, named("io.vertx.core.http.HttpMethod")))
                                .and(takesArgument(2, String.class))
                                .and(takesArgument(3, int.class))
                                .and(takesArgument(4, Boolean.class))
                                .and(takesArgument(13, named("io.vertx.core.impl.future.PromiseInternal"))),
                        ADVICE + "DoRequestAdvice")
                .adviseOneOf(
                        "doRequest",
                        CLIENT,
                        named("doRequest")
                                .and(takesArguments(13))
                                .and(takesArgument(1, named("io.vertx.core.http.HttpMethod")))
                                .and(takesArgument(2, named("io.vertx.core.net.HostAndPort")))
                                .and(takesArgument(4, boolean.class))
                                .and(returns(named("io.vertx.core.Future"))),
                        ADVICE + "DoRequest5Advice")
                .advise(
                        REQUEST,
                        named("handleResponse")
                                .and(takesArguments(3))
                                .and(takesArgument(1, named("io.vertx.core.http.HttpClientResponse"))),
                        ADVICE + "ResponseAdvice")
                .advise(
                        REQUEST_BASE,
                        named("fail").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                        ADVICE + "FailAdvice");
    }
}
