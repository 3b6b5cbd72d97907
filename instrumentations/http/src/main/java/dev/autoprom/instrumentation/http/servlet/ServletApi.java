package dev.autoprom.instrumentation.http.servlet;

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
        public boolean asyncStarted(Object request) {
            return false;
        }

        @Override
        public void recordWhenAsyncCompletes(Object request, Object response, AsyncCompletion completion) {}
    };

    /** An {@code HttpServletRequest} on its first dispatch (not an async or error re-dispatch). */
    boolean isNewHttpRequest(Object request);

    String method(Object request);

    boolean https(Object request);

    int status(Object response);

    boolean committed(Object response);

    /** The route template: a framework's (Spring MVC, JAX-RS) joined to its servlet's prefix, else the mapping. */
    String route(Object request, String frameworkRoute);

    /** Whether the request went async: then its record is made when the async cycle completes. */
    boolean asyncStarted(Object request);

    /** Arranges for {@code completion} to be told when the request's async cycle completes. */
    void recordWhenAsyncCompletes(Object request, Object response, AsyncCompletion completion);
}
