package dev.autoprom.instrumentation.websocket;

/**
 * {@code http_route} of server connections: the endpoint's path template as the application declared it
 * ({@code /chat/{room}}), never the request's path. Frameworks that register each upgrade under its raw path
 * (Spring over a Jakarta container) publish the template they matched here, for the upgrade on this thread.
 */
public final class ServerRoutes {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    /** The {@code websocket_library} of the framework that published {@link #CURRENT} (null: the container's). */
    private static final ThreadLocal<String> LIBRARY = new ThreadLocal<>();
    /** Set while the container passes an upgrade request it has no endpoint for on to the application. */
    private static final ThreadLocal<Boolean> CONTAINER_COUNTS_404 = new ThreadLocal<>();

    private ServerRoutes() {}

    /** The template a framework matched for the upgrade running on this thread (null: none). */
    public static void set(String template) {
        CURRENT.set(template);
    }

    /**
     * As {@link #set(String)}, with the {@code websocket_library} the connection is labelled with (a framework
     * that records the sessions it upgrades under its own name); null for both clears.
     */
    public static void set(String template, String library) {
        CURRENT.set(template);
        LIBRARY.set(library);
    }

    /** The library published with the route for this thread's upgrade (null: none, the container's own). */
    public static String library() {
        return LIBRARY.get();
    }

    /**
     * The container found no endpoint of its own for the upgrade request on this thread and passes it on; it
     * counts a 404 when the request ends so, unless a framework behind it claimed the request meanwhile
     * ({@link #claimUnmappedUpgrade}) to count it under its own library.
     */
    public static void unmappedUpgrade() {
        CONTAINER_COUNTS_404.set(Boolean.TRUE);
    }

    /** Takes the mark {@link #unmappedUpgrade} left on this thread: whether it was there. */
    public static boolean claimUnmappedUpgrade() {
        if (CONTAINER_COUNTS_404.get() == Boolean.TRUE) {
            CONTAINER_COUNTS_404.set(null);
            return true;
        }
        return false;
    }

    public static String current() {
        return CURRENT.get();
    }

    /** A template as a label value: null becomes "" (unknown), a query part is never kept. */
    public static String clean(String template) {
        if (template == null) {
            return "";
        }
        int query = template.indexOf('?');
        return query >= 0 ? template.substring(0, query) : template;
    }
}
