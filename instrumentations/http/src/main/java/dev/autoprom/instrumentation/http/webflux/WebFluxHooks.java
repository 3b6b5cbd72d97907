package dev.autoprom.instrumentation.http.webflux;

import dev.autoprom.api.Bridge;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.ExchangeRoutes;
import dev.autoprom.instrumentation.http.ServerRequestScope;

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
        public Throwable error(Object exchange) {
            return null;
        }
    };

    private static final Bridge<ExchangeRoutes> ROUTES = Bridge.of(
            ExchangeRoutes.class,
            "dev.autoprom.instrumentation.http.webflux.bridge.WebFluxExchangeRoutes",
            COMPONENT,
            NONE);

    private WebFluxHooks() {}

    /** @param adapter {@code HttpWebHandlerAdapter}, whose loader sees spring-web */
    public static void exchangeCreated(Class<?> adapter, Object exchange) {
        try {
            ServerRequestScope.lendExchange(exchange, ROUTES.get(adapter));
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }
}
