package dev.autoprom.instrumentation.httpclient;

/**
 * Per-thread hand-over of a URI template from a framework (Spring's {@code RestTemplate}, {@code RestClient}) to
 * the client library below it, which records the request. The framework's call runs the client on the same
 * thread, so the template is set on entry to the framework's exchange, taken by the first request the client
 * starts on this thread, and restored on exit. Taking it once means a second request made inside the same call
 * (an interceptor fetching a token, a redirect the client follows) does not borrow a template that is not its
 * own. One instance per thread, reused: nothing is allocated per request.
 */
public final class ClientScope {

    private static final ThreadLocal<ClientScope> CURRENT = ThreadLocal.withInitial(ClientScope::new);

    /** The label value waiting for the next request on this thread, or null. */
    private String template;

    private ClientScope() {}

    /** A framework call begins with {@code template} (a label value, or null); returns what to restore. */
    public static String enter(String template) {
        ClientScope scope = CURRENT.get();
        String previous = scope.template;
        scope.template = template;
        return previous;
    }

    /** The framework call ends: the template set before it (by an enclosing call) is back. */
    public static void exit(String previous) {
        CURRENT.get().template = previous;
    }

    /** The template for the request starting now on this thread, if a framework lent one; it is used up. */
    public static String take() {
        ClientScope scope = CURRENT.get();
        String template = scope.template;
        if (template != null) {
            scope.template = null;
        }
        return template;
    }
}
