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

    /**
     * The exception to report for {@code exchange} whose response ended with {@code status}: one that escaped
     * the framework (whatever the status: a client that went away mid-response), else, for a 5xx, the one its
     * error handling turned into the response; null otherwise (an exception the framework answered with a 4xx is
     * its way of answering, as a servlet's would be).
     */
    Throwable error(Object exchange, int status);
}
