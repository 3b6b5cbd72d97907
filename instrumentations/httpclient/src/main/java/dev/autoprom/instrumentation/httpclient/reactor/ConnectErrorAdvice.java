package dev.autoprom.instrumentation.httpclient.reactor;

import net.bytebuddy.asm.Advice;
import reactor.core.publisher.MonoSink;

/** {@code MonoHttpConnect.ClientTransportSubscriber.onError(error)}: the attempt got no connection. */
public final class ConnectErrorAdvice {

    private ConnectErrorAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.FieldValue("sink") MonoSink<?> sink, @Advice.Argument(0) Throwable error) {
        ReactorNettyHooks.connectFailed(sink, error);
    }
}
