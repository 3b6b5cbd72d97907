package dev.autoprom.instrumentation.http.servlet;

import dev.autoprom.instrumentation.http.Routes;

/**
 * The route of a servlet request from what the servlet API reports of it, the same for {@code javax} and
 * {@code jakarta}: the bridges ({@code bridge.JakartaServletApi}, {@code bridge.JavaxServletApi}) read the
 * request's mapping and pass its parts here as {@code java.base} values.
 */
public final class ServletRoutes {

    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}. */
    public static final String SPRING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private ServletRoutes() {}

    /** The {@link #SPRING_PATTERN} attribute's text: a String, or Spring's PathPattern whose toString() is it. */
    public static String springTemplate(Object attribute) {
        return attribute == null ? null : attribute.toString();
    }

    /**
     * A framework's template (Spring MVC, JAX-RS) joined to its servlet's prefix, else the servlet's mapping.
     *
     * @param template the framework's template, or null when no framework matched one
     * @param mappingMatch the name of the request's {@code MappingMatch} constant ({@code PATH}, {@code DEFAULT},
     *     {@code CONTEXT_ROOT}, {@code EXACT}, {@code EXTENSION}); null when the container reports no mapping
     * @param mappingPattern the mapping's pattern ({@code /api/*}); null without a mapping
     */
    public static String route(String contextPath, String template, String mappingMatch, String mappingPattern) {
        // the constant names are interned, so each equals is decided by its identity check
        if (template != null) {
            // the framework's template is relative to its servlet: add the servlet's prefix for /prefix/* mappings
            String prefix = "PATH".equals(mappingMatch)
                    ? Routes.join(contextPath, Routes.pathMappingPrefix(mappingPattern))
                    : contextPath;
            return Routes.join(prefix, template);
        }
        if (mappingMatch == null || "DEFAULT".equals(mappingMatch)) {
            return ""; // the default servlet "/" serves any path: no template, and never the raw path
        }
        if ("CONTEXT_ROOT".equals(mappingMatch)) {
            return Routes.join(contextPath, "/");
        }
        return Routes.join(contextPath, mappingPattern);
    }
}
