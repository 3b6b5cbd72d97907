package dev.autoprom.instrumentation.http.webflux;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import java.util.function.BiConsumer;

/** Lends each WebFlux exchange to the server request recorded on this thread. */
public final class WebFluxHooks {

    static final String COMPONENT = "http.webflux";

    /** What a spring-web whose bridge cannot be made lends: nothing. */
    static final ExchangeRoutes NONE = new ExchangeRoutes() {
        @Override
        public String route(Object exchange) {
            return null;
        }

        @Override
        public Throwable error(Object exchange, int status) {
            return null;
        }
    };

    private static final Bridge<ExchangeRoutes> ROUTES = Bridge.of(
            ExchangeRoutes.class,
            "dev.autoprom.instrumentation.http.webflux.bridge.WebFluxExchangeRoutes",
            COMPONENT,
            NONE);

    private static final Bridge<BiConsumer<Object, Throwable>> UNRESOLVED = Bridge.of(
            biConsumer(),
            "dev.autoprom.instrumentation.http.webflux.bridge.UnresolvedErrorAttribute",
            COMPONENT,
            (exchange, error) -> {});

    private WebFluxHooks() {}

    /**
     * An exception escaped every WebFlux handler and error handler ({@code handleUnresolvedError}: a client that
     * went away mid-response, or a failure after the response was committed): kept on the exchange for the
     * recording layer. Error path only.
     */
    public static void unresolvedError(Class<?> adapter, Object exchange, Object error) {
        try {
            if (error instanceof Throwable) {
                UNRESOLVED.get(adapter).accept(exchange, (Throwable) error);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<BiConsumer<Object, Throwable>> biConsumer() {
        return (Class<BiConsumer<Object, Throwable>>) (Class<?>) BiConsumer.class;
    }

    /** @param adapter {@code HttpWebHandlerAdapter}, whose loader sees spring-web */
    public static void exchangeCreated(Class<?> adapter, Object exchange) {
        try {
            ServerRequestScope.lendExchange(exchange, ROUTES.get(adapter));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }
}
