package dev.autoprom.instrumentation.http.servlet;

import dev.autoprom.instrumentation.http.ExchangeRoutes;

/**
 * What {@link ServletHooks} needs from a request and response, implemented once per servlet namespace by a
 * bridge class ({@code bridge.JakartaServletApi}, {@code bridge.JavaxServletApi}) that can see the servlet
 * types. Only java.base types cross this interface.
 */
public interface ServletApi {

    /** What a servlet namespace whose bridge cannot be made gets: no request is ever recorded. */
    ServletApi NONE = new ServletApi() {
        @Override
        public boolean isNewHttpRequest(Object request) {
            return false;
        }

        @Override
        public String method(Object request) {
            return null;
        }

        @Override
        public boolean https(Object request) {
            return false;
        }

        @Override
        public int status(Object response) {
            return 0;
        }

        @Override
        public boolean committed(Object response) {
            return false;
        }

        @Override
        public String route(Object request, String frameworkRoute) {
            return "";
        }

        @Override
        public boolean recordWhenAsyncCompletes(
                Object request,
                Object response,
                long start,
                int method,
                boolean https,
                String route,
                Throwable thrown,
                Object exchange,
                ExchangeRoutes routes) {
            return false;
        }
    };

    /** An {@code HttpServletRequest} on its first dispatch (not an async or error re-dispatch). */
    boolean isNewHttpRequest(Object request);

    String method(Object request);

    boolean https(Object request);

    int status(Object response);

    boolean committed(Object response);

    /** The route template: a framework's (Spring MVC, JAX-RS) joined to its servlet's prefix, else the mapping. */
    String route(Object request, String frameworkRoute);

    /**
     * If the request went async, arranges for the record to be made when the async cycle completes and returns
     * true; false when the request is not async (the caller records now). {@code exchange}/{@code routes}: what a
     * framework inside lent (WebFlux on a servlet container), asked again at completion for the route and the
     * exception; both null when none did.
     */
    boolean recordWhenAsyncCompletes(
            Object request,
            Object response,
            long start,
            int method,
            boolean https,
            String route,
            Throwable thrown,
            Object exchange,
            ExchangeRoutes routes);
}
