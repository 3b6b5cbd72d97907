package dev.autoprom.instrumentation.httpclient.jetty;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Jetty's {@code HttpClient} 12 ({@code org.eclipse.jetty.client}), any transport. Every request it sends, blocking
 * ({@code send()}) or not ({@code send(listener)}), and every redirect it follows (a new request, copied from the
 * first), is dispatched by {@code HttpRequest.sendAsync(destination, listener)}: there it is registered, and
 * given a response listener of the agent's (a bridge) for its failure. Its response is recorded when the
 * transport's {@code HttpReceiver.responseBegin} reports the status line, which also sees the responses Jetty's
 * protocol handlers consume (the redirect it follows is then its own request).
 */
public final class JettyHttpClientInstrumentation extends LibraryInstrumentation {

    private static final String[] TYPES = {
        "org.eclipse.jetty.client.transport.HttpRequest", "org.eclipse.jetty.client.transport.HttpReceiver"
    };

    public JettyHttpClientInstrumentation() {
        super("httpclient", "jetty-httpclient", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("sendAsync")
                                .and(takesArguments(2))
                                .and(takesArgument(0, named("org.eclipse.jetty.client.transport.HttpDestination")))
                                .and(takesArgument(1, named("org.eclipse.jetty.client.Response$CompleteListener"))),
                        "dev.autoprom.instrumentation.httpclient.jetty.SendAsyncAdvice")
                .advise(
                        named("responseBegin")
                                .and(takesArguments(1))
                                .and(takesArgument(0, named("org.eclipse.jetty.client.transport.HttpExchange"))),
                        "dev.autoprom.instrumentation.httpclient.jetty.ResponseBeginAdvice");
    }
}
