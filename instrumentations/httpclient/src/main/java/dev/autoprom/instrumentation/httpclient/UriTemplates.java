package dev.autoprom.instrumentation.httpclient;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code url_template} from the URI template a framework was given ({@code RestClient.uri("/items/{id}", id)}):
 * the path part only. A scheme and authority in front (Spring puts a client's base URL there:
 * {@code http://host:8080/items/{id}}) and a query or fragment behind are cut off, so neither a host, user info
 * nor query values reach the label. A template without a variable is not taken: it cannot be told from a path
 * the application built itself ({@code uri("/items/" + id)}), which would put raw ids in the label. Results are
 * cached (templates come from code, so they are few; the cache is bounded all the same).
 */
public final class UriTemplates {

    private static final int MAX_CACHED = 2000;
    /** Marks a template that is not used, in the cache (a map cannot hold null). */
    private static final String NONE = new String("");

    private static final ConcurrentHashMap<String, String> PATHS = new ConcurrentHashMap<>();

    private UriTemplates() {}

    /** The label value for {@code template}, or null when it gives none. */
    public static String label(String template) {
        if (template == null || template.isEmpty()) {
            return null;
        }
        String path = PATHS.get(template);
        if (path == null) {
            path = pathOf(template);
            if (PATHS.size() < MAX_CACHED) {
                PATHS.putIfAbsent(template, path);
            }
        }
        return path == NONE ? null : path;
    }

    static String pathOf(String template) {
        int start = 0;
        int schemeEnd = template.indexOf("://");
        if (schemeEnd > 0 && isScheme(template, schemeEnd)) {
            int pathStart = template.indexOf('/', schemeEnd + 3);
            if (pathStart < 0) {
                return NONE;
            }
            start = pathStart;
        }
        int end = template.length();
        for (int i = start; i < end; i++) {
            char c = template.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String path = template.substring(start, end);
        if (path.indexOf('{') < 0) {
            return NONE;
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); a template variable may stand for the scheme too. */
    private static boolean isScheme(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
                    || c == '{'
                    || c == '}';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
