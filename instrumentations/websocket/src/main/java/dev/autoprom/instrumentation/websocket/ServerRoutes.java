package dev.autoprom.instrumentation.websocket;

/**
 * {@code http_route} of server connections: the endpoint's path template as the application declared it
 * ({@code /chat/{room}}), never the request's path. Frameworks that register each upgrade under its raw path
 * (Spring over a Jakarta container) publish the template they matched here, for the upgrade on this thread.
 */
public final class ServerRoutes {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ServerRoutes() {}

    /** The template a framework matched for the upgrade running on this thread (null: none). */
    public static void set(String template) {
        CURRENT.set(template);
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
