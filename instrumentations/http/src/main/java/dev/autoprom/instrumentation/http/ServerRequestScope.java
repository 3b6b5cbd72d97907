package dev.autoprom.instrumentation.http;

/**
 * Per-thread state of the server request being handled: how deep we are in instrumented filters/servlets (only
 * the outermost one records, so a filter chain or a forward counts once), and the route template a framework
 * (JAX-RS) found while handling it. One instance per thread, reused: nothing is allocated per request.
 */
public final class ServerRequestScope {

    private static final ThreadLocal<ServerRequestScope> CURRENT = ThreadLocal.withInitial(ServerRequestScope::new);

    /** Number of instrumented handler frames on this thread's stack. */
    public int depth;
    /** A route template set by a framework during the outermost request on this thread, or null. */
    public String frameworkRoute;

    private ServerRequestScope() {}

    public static ServerRequestScope current() {
        return CURRENT.get();
    }
}
