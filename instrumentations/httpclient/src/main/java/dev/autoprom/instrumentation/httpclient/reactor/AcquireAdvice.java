package dev.autoprom.instrumentation.httpclient.reactor;

import java.util.function.Supplier;
import net.bytebuddy.asm.Advice;
import reactor.core.publisher.MonoSink;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.transport.TransportConfig;

/**
 * {@code HttpConnectionProvider.acquire(config, observer, remote, resolver)}: the attempt asks for a connection;
 * {@code config} is the attempt's own copy (TLS exactly when its URL is {@code https}), {@code remote} the handler.
 */
public final class AcquireAdvice {

    private AcquireAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) TransportConfig config, @Advice.Argument(2) Supplier<?> remote) {
        if (config instanceof HttpClientConfig && remote != null) {
            HttpClientConfig http = (HttpClientConfig) config;
            ReactorNettyHooks.acquiring(MonoSink.class, http.method().name(), http.isSecure(), remote);
        }
    }
}
