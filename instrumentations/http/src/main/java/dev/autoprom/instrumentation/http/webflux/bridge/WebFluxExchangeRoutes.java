package dev.autoprom.instrumentation.http.webflux.bridge;

import dev.autoprom.instrumentation.http.ExchangeRoutes;
import java.util.Map;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads a {@code ServerWebExchange}'s attributes (a concurrent map: one look-up each, nothing allocated). The
 * attribute names are spelled out rather than read from Spring's constants, so a spring-web without one of them
 * (the handled-exception attribute is 6.1+) still links.
 */
public final class WebFluxExchangeRoutes implements ExchangeRoutes {

    /** {@code org.springframework.web.reactive.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: a {@code PathPattern}. */
    static final String PATTERN = "org.springframework.web.reactive.HandlerMapping.bestMatchingPattern";
    /** {@code ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION} (Spring 6.1+). */
    static final String HANDLED = "ExceptionHandlingWebHandler.handledException";
    /** Spring Boot's error handler's copy, for a Spring before 6.1 (Boot 3 and Boot 4 package names). */
    static final String BOOT3_ERROR = "org.springframework.boot.web.reactive.error.DefaultErrorAttributes.ERROR";

    static final String BOOT4_ERROR = "org.springframework.boot.webflux.error.DefaultErrorAttributes.ERROR";

    @Override
    public String route(Object exchange) {
        if (!(exchange instanceof ServerWebExchange)) {
            return null;
        }
        Object pattern = ((ServerWebExchange) exchange).getAttributes().get(PATTERN);
        // a PathPattern, whose toString() is its pattern text (a field: nothing is built)
        return pattern == null ? null : pattern.toString();
    }

    @Override
    public Throwable error(Object exchange, int status) {
        if (!(exchange instanceof ServerWebExchange)) {
            return null;
        }
        Map<String, Object> attributes = ((ServerWebExchange) exchange).getAttributes();
        Object unresolved = attributes.get(UnresolvedErrorAttribute.NAME);
        if (unresolved instanceof Throwable) {
            return (Throwable) unresolved;
        }
        if (status < 500) {
            return null;
        }
        Object error = attributes.get(HANDLED);
        if (error == null) {
            error = attributes.get(BOOT3_ERROR);
        }
        if (error == null) {
            error = attributes.get(BOOT4_ERROR);
        }
        return error instanceof Throwable ? (Throwable) error : null;
    }
}
