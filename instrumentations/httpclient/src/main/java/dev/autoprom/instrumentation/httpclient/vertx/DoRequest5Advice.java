package dev.autoprom.instrumentation.httpclient.vertx;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import net.bytebuddy.asm.Advice;

/**
 * {@code HttpClientImpl.doRequest(routingKey, method, authority, server, useSSL, uri, headers, traceOperation,
 * connectTimeout, idleTimeout, followRedirects, sslOptions, proxyOptions)} (Vert.x 5): one request asks for a
 * connection and returns the future of its {@code HttpClientRequest}.
 */
public final class DoRequest5Advice {

    private DoRequest5Advice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static Object enter(
            @Advice.Argument(1) HttpMethod method,
            @Advice.Argument(2) HostAndPort authority,
            @Advice.Argument(4) boolean ssl) {
        return authority == null
                ? null
                : VertxClientHooks.start(authority.host(), authority.port(), ssl, method.name());
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter Object exchange, @Advice.Return Future<?> future, @Advice.Thrown Throwable thrown) {
        VertxClientHooks.returned(Handler.class, exchange, future, thrown);
    }
}
