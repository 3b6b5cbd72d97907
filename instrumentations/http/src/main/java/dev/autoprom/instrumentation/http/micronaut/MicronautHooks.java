package dev.autoprom.instrumentation.http.micronaut;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.ServerRequestScope;

/**
 * Lends Micronaut's route template and handled exception to the Netty request being recorded on this thread
 * (Micronaut routes on the event loop, inside the pipeline's read of the request). The first of each wins: an
 * error route matched after the request's own does not replace it. Outside a recorded request, nothing.
 */
public final class MicronautHooks {

    private static final String COMPONENT = "http.micronaut";

    private MicronautHooks() {}

    public static void routeMatched(String template) {
        try {
            ServerRequestScope.lendRoute(template);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    public static void errorHandled(Throwable thrown) {
        try {
            ServerRequestScope.lendError(thrown);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }
}
