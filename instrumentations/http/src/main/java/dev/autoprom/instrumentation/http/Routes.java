package dev.autoprom.instrumentation.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins a fixed prefix (context path, servlet path mapping) and a template ({@code /users/{id}}) into a route,
 * caching the result so a request on a known route builds no string. Both parts come from the application's
 * configuration, never from the request line; the caches are bounded all the same.
 */
public final class Routes {

    private static final int MAX_PREFIXES = 256;
    private static final int MAX_PER_PREFIX = 2000;

    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> JOINED =
            new ConcurrentHashMap<>();

    private static final ConcurrentHashMap<String, String> PATH_PREFIXES = new ConcurrentHashMap<>();

    private Routes() {}

    /** {@code prefix + template} with exactly one slash between them; "" + "" is "". */
    public static String join(String prefix, String template) {
        if (prefix == null || prefix.isEmpty()) {
            return template == null ? "" : template;
        }
        if (template == null || template.isEmpty()) {
            return prefix;
        }
        ConcurrentHashMap<String, String> byTemplate = JOINED.get(prefix);
        if (byTemplate == null) {
            if (JOINED.size() >= MAX_PREFIXES) {
                return concat(prefix, template);
            }
            byTemplate = JOINED.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
        }
        String joined = byTemplate.get(template);
        if (joined == null) {
            joined = concat(prefix, template);
            if (byTemplate.size() < MAX_PER_PREFIX) {
                byTemplate.putIfAbsent(template, joined);
            }
        }
        return joined;
    }

    /** {@code /api} for the servlet path mapping {@code /api/*} (cached). */
    public static String pathMappingPrefix(String pattern) {
        if (pattern == null || !pattern.endsWith("/*")) {
            return pattern == null ? "" : pattern;
        }
        String prefix = PATH_PREFIXES.get(pattern);
        if (prefix == null) {
            prefix = pattern.substring(0, pattern.length() - 2);
            if (PATH_PREFIXES.size() < MAX_PREFIXES) {
                PATH_PREFIXES.putIfAbsent(pattern, prefix);
            }
        }
        return prefix;
    }

    static String concat(String prefix, String template) {
        boolean slashEnd = prefix.endsWith("/");
        boolean slashStart = template.startsWith("/");
        if (slashEnd && slashStart) {
            return prefix + template.substring(1);
        }
        if (!slashEnd && !slashStart) {
            return prefix + "/" + template;
        }
        return prefix + template;
    }
}
