package dev.autoprom.instrumentation.httpclient.apache4;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Apache HttpClient 4.3 to 4.5. Its clients run each request through an exec chain ending in
 * {@code MainClientExec} ({@code HttpClientBuilder}: behind {@code RedirectExec}, {@code RetryExec} and
 * {@code ProtocolExec}) or {@code MinimalClientExec} ({@code HttpClients.createMinimal()}); that last link
 * connects and exchanges the request with the server, so one call of it is one request on the wire, and a retry
 * or a followed redirect calls it again.
 */
public final class ApacheHttpClient4Instrumentation extends LibraryInstrumentation {

    private static final String[] TYPES = {
        "org.apache.http.impl.execchain.MainClientExec", "org.apache.http.impl.execchain.MinimalClientExec"
    };

    public ApacheHttpClient4Instrumentation() {
        super("httpclient", "apache-httpclient4", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                named("execute")
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("org.apache.http.conn.routing.HttpRoute")))
                        .and(takesArgument(1, named("org.apache.http.client.methods.HttpRequestWrapper")))
                        .and(takesArgument(2, named("org.apache.http.client.protocol.HttpClientContext")))
                        .and(takesArgument(3, named("org.apache.http.client.methods.HttpExecutionAware"))),
                "dev.autoprom.instrumentation.httpclient.apache4.ClientExecAdvice");
    }
}
