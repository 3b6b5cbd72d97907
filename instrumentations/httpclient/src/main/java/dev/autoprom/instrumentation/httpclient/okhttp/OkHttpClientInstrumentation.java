package dev.autoprom.instrumentation.httpclient.okhttp;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * OkHttp 3, 4 and 5 requests. OkHttp runs every attempt of a call through its interceptor chain; the built-in
 * {@code ConnectInterceptor} is the link that opens (or reuses) the connection and, through the network
 * interceptors, exchanges the request with the server. So one pass through it is one request on the wire: a
 * retry or a followed redirect is another pass, a response from OkHttp's cache is none. Synchronous
 * ({@code execute}) and asynchronous ({@code enqueue}) calls, the SDKs built on OkHttp (OpenAI, Anthropic)
 * and WebSocket handshakes all go through it.
 */
public final class OkHttpClientInstrumentation extends LibraryInstrumentation {

    private static final String[] TYPES = {"okhttp3.internal.connection.ConnectInterceptor"};

    public OkHttpClientInstrumentation() {
        super("httpclient", "okhttp-httpclient", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                named("intercept")
                        .and(takesArguments(1))
                        .and(takesArgument(0, named("okhttp3.Interceptor$Chain")))
                        .and(returns(named("okhttp3.Response"))),
                "dev.autoprom.instrumentation.httpclient.okhttp.ConnectInterceptorAdvice");
    }
}
