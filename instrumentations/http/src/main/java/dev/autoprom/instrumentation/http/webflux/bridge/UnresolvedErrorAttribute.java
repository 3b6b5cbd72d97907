package dev.autoprom.instrumentation.http.webflux.bridge;

import java.util.function.BiConsumer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps an exception that escaped WebFlux entirely on its exchange, under the agent's own attribute name, for
 * {@link WebFluxExchangeRoutes#error} to report when the server layer records the exchange. Only on that error path.
 */
public final class UnresolvedErrorAttribute implements BiConsumer<Object, Throwable> {

    static final String NAME = "dev.autoprom.unresolvedError";

    @Override
    public void accept(Object exchange, Throwable error) {
        if (exchange instanceof ServerWebExchange) {
            ((ServerWebExchange) exchange).getAttributes().putIfAbsent(NAME, error);
        }
    }
}
