package dev.autoprom.instrumentation.http.vertx;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Vert.x core's HTTP/1.x server (4.5 and 5; what Vert.x Web, Quarkus and other frameworks run on): a request
 * begins when it owns its connection's response and ends when the response is complete or the connection fails
 * under it. The hooks are the points where Vert.x itself reports to its metrics SPI, so the same requests are
 * counted, whether or not the application enabled Vert.x metrics. HTTP/2 streams are not recorded (yet).
 */
public final class VertxInstrumentation extends LibraryInstrumentation {

    static final String REQUEST = "io.vertx.core.http.impl.Http1xServerRequest";
    static final String CONNECTION = "io.vertx.core.http.impl.Http1xServerConnection";
    private static final String ADVICE = "dev.autoprom.instrumentation.http.vertx.";

    public VertxInstrumentation() {
        super("http", "vertx", Targets.named(REQUEST, CONNECTION));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        // 4.5: handleBegin(writable, keepAlive); 5: handleBegin(keepAlive)
        target.adviseOneOf(
                "handleBegin", REQUEST, named("handleBegin").and(takesArguments(2)), ADVICE + "RequestBeginAdvice");
        target.adviseOneOf(
                "handleBegin", REQUEST, named("handleBegin").and(takesArguments(1)), ADVICE + "RequestBeginAdvice");
        target.advise(
                REQUEST,
                named("handleException").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                ADVICE + "RequestResetAdvice");
        target.advise(
                REQUEST,
                named("routed").and(takesArguments(1)).and(takesArgument(0, String.class)),
                ADVICE + "RoutedAdvice");
        target.advise(CONNECTION, named("responseComplete").and(takesArguments(0)), ADVICE + "ResponseCompleteAdvice");
    }
}
