package dev.autoprom.instrumentation.httpclient.reactor;

import net.bytebuddy.asm.Advice;
import reactor.core.publisher.MonoSink;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.HttpClientState;

/** {@code HttpObserver.onStateChange(connection, state)}: {@code RESPONSE_RECEIVED} carries the status line. */
public final class StateAdvice {

    private StateAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(
            @Advice.FieldValue("sink") MonoSink<?> sink,
            @Advice.Argument(0) Connection connection,
            @Advice.Argument(1) ConnectionObserver.State state) {
        if (state == HttpClientState.RESPONSE_RECEIVED && connection instanceof HttpClientResponse) {
            ReactorNettyHooks.responded(
                    sink, ((HttpClientResponse) connection).status().code());
        }
    }
}
