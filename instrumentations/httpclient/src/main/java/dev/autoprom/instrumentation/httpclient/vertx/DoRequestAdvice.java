package dev.autoprom.instrumentation.httpclient.vertx;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientImpl.doRequest(method, server, host, port, useSSL, uri, headers, traceOperation, connectTimeout,
 * idleTimeout, followRedirects, proxyOptions, key, requestPromise)} (Vert.x 4.x): one request asks for a connection.
 */
public final class DoRequestAdvice {

    private DoRequestAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
            @Advice.Argument(0) HttpMethod method,
            @Advice.Argument(2) String host,
            @Advice.Argument(3) int port,
            @Advice.Argument(4) Boolean ssl,
            @Advice.Argument(13) Object promise) {
        return VertxClientHooks.requesting(Handler.class, promise, host, port, ssl, method.name());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object exchange, @Advice.Thrown Throwable thrown) {
        VertxClientHooks.requested(exchange, thrown);
    }
}
