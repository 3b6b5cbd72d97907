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
    /** Set while the container will itself count the upgrade request on this thread as a 404 if it ends so. */
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
     * The container found no endpoint for the upgrade request on this thread and counts it as 404 if it ends
     * so ({@code true}), or that request ended ({@code false}): a framework behind it must not count it again.
     */
    public static void containerCounts404(boolean counts) {
        CONTAINER_COUNTS_404.set(counts ? Boolean.TRUE : null);
    }

    public static boolean containerCounts404() {
        return CONTAINER_COUNTS_404.get() == Boolean.TRUE;
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
