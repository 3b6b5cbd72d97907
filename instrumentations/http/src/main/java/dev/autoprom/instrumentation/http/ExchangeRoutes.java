package dev.autoprom.instrumentation.http;

/**
 * A framework's view of the exchange it is handling, asked by the server layer that records the request (a
 * Netty pipeline, a servlet container) when the response is complete: the framework matched the route and saw
 * the exception long before then, often on another thread, and keeps both on its exchange. Implemented by a
 * bridge class next to the framework (WebFlux's {@code ServerWebExchange} attributes); only java.base types
 * cross this interface. Implementations read what the framework already holds: no allocation, never throw.
 */
public interface ExchangeRoutes {

    /** The route template the framework matched for {@code exchange} ({@code /items/{id}}), or null. */
    String route(Object exchange);

    /** The exception the framework's error handling turned into the response, or null. */
    Throwable error(Object exchange);
}
