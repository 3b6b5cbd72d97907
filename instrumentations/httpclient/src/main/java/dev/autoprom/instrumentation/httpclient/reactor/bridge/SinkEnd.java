package dev.autoprom.instrumentation.httpclient.reactor.bridge;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.httpclient.ClientExchange;
import dev.autoprom.instrumentation.httpclient.reactor.ReactorNettyHooks;
import java.util.function.BiPredicate;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;

/**
 * Told when one Reactor Netty attempt's connection sink is done: on success, error and cancel alike (reactor-core
 * runs a sink's {@code onDispose} on all three, after the sink's own {@code onCancel}, which Reactor Netty uses
 * to release the connection). The hooks saw success and errors first, so an exchange still open here was
 * cancelled. Loaded by {@code BridgeClasses} next to reactor-core (anchored on {@link MonoSink}).
 */
public final class SinkEnd implements Disposable {

    private final Object sink;
    private final ClientExchange exchange;

    SinkEnd(Object sink, ClientExchange exchange) {
        this.sink = sink;
        this.exchange = exchange;
    }

    @Override
    public void dispose() {
        try {
            ReactorNettyHooks.disposed(sink, exchange);
        } catch (Throwable t) {
            SelfMetrics.recordError("httpclient.reactor-netty-httpclient", t);
        }
    }

    /** Made once per reactor-core class loader by the hooks' {@code Bridge}; listens to one sink. */
    public static final class Installer implements BiPredicate<Object, Object> {
        @Override
        public boolean test(Object sink, Object exchange) {
            ((MonoSink<?>) sink).onDispose(new SinkEnd(sink, (ClientExchange) exchange));
            return true;
        }
    }
}
