package dev.autoprom.instrumentation.http.vertx;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Vert.x core's HTTP server (4.5 and 5; what Vert.x Web, Quarkus and other frameworks run on), HTTP/1.x and
 * HTTP/2. An HTTP/1.x request begins when it owns its connection's response and ends when the response is complete
 * or the connection fails under it. An HTTP/2 stream (h2 over TLS, h2c by prior knowledge or by upgrade: the
 * upgraded HTTP/1.1 request never reaches the HTTP/1.x connection, it is stream 1) begins when its headers are read
 * and it is dispatched, and ends when its response's end is written, or when it is reset by the client, fails with
 * its connection, or closes first. The hooks are the points where Vert.x itself reports to its metrics SPI
 * ({@code requestBegin}, {@code responseEnd}, {@code requestReset}, {@code requestRouted}), so the same requests
 * are counted, whether or not the application enabled Vert.x metrics.
 */
public final class VertxInstrumentation extends LibraryInstrumentation {

    static final String REQUEST = "io.vertx.core.http.impl.Http1xServerRequest";
    static final String CONNECTION = "io.vertx.core.http.impl.Http1xServerConnection";
    static final String STREAM = "io.vertx.core.http.impl.Http2ServerStream";
    private static final String ADVICE = "dev.autoprom.instrumentation.http.vertx.";

    public VertxInstrumentation() {
        super("http", "vertx", Targets.named(REQUEST, CONNECTION, STREAM));
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
        // HTTP/2: the same methods in 4.5 and 5
        target.advise(STREAM, named("registerMetrics").and(takesArguments(0)), ADVICE + "StreamBeginAdvice");
        target.advise(STREAM, named("endWritten").and(takesArguments(0)), ADVICE + "StreamEndAdvice");
        target.advise(
                STREAM,
                named("handleReset").and(takesArguments(1)).and(takesArgument(0, long.class)),
                ADVICE + "StreamResetAdvice");
        target.advise(
                STREAM,
                named("handleException").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                ADVICE + "StreamFailedAdvice");
        // a stream closed while still in flight is recorded as a reset one: the same advice
        target.advise(STREAM, named("onClose").and(takesArguments(0)), ADVICE + "StreamResetAdvice");
        target.advise(
                STREAM,
                named("routed").and(takesArguments(1)).and(takesArgument(0, String.class)),
                ADVICE + "StreamRoutedAdvice");
    }
}
