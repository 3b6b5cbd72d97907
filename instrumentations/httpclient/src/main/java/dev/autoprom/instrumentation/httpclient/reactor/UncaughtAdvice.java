package dev.autoprom.instrumentation.httpclient.reactor;

import net.bytebuddy.asm.Advice;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * {@code HttpObserver.onUncaughtException(connection, error)}: the attempt's connection failed (reset, response
 * timeout), or a redirect is followed (then the status line it got is the attempt's answer).
 */
public final class UncaughtAdvice {

    private UncaughtAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.FieldValue("sink") MonoSink<?> sink,
            @Advice.Argument(0) Connection connection,
            @Advice.Argument(1) Throwable error) {
        int redirectStatus = 0;
        if (error != null
                && ReactorNettyHooks.REDIRECT.equals(error.getClass().getName())
                && connection instanceof HttpClientResponse) {
            redirectStatus = ((HttpClientResponse) connection).status().code();
        }
        ReactorNettyHooks.failed(sink, error, redirectStatus);
    }
}
