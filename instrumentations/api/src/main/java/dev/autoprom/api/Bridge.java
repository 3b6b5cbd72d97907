package dev.autoprom.api;

/**
 * The one way agent code reaches a bridge class: a class of the agent that implements or extends a library type
 * and so must be defined next to the library ({@link BridgeClasses}). The agent side never names the bridge's
 * class, only its role {@code R}: an interface of {@code java.base} or of the agent's own packages that names no
 * library type. The bridge is created once per library class loader (per {@code anchor} class, a class of the
 * library that the advice can name) with its public no-argument constructor.
 *
 * <p>A bridge that cannot be created (a library version whose types changed, a loader that refuses the agent)
 * resolves to {@code fallback}, a do-nothing implementation of the role, and is counted once in
 * {@code autoprom_agent_errors_total{component}}: the library's code runs on unobserved, and is not asked again.
 *
 * <pre>
 * private static final Bridge&lt;ServletApi&gt; JAKARTA = Bridge.of(ServletApi.class,
 *         "dev.autoprom.instrumentation.http.servlet.bridge.JakartaServletApi", "http.servlet", ServletApi.NONE);
 * ServletApi api = JAKARTA.get(servletRequestClass);
 * </pre>
 */
public final class Bridge<R> {

    private final Class<R> role;
    private final String className;
    private final String component;
    private final R fallback;
    private final ClassValue<R> perLibrary = new ClassValue<>() {
        @Override
        protected R computeValue(Class<?> anchor) {
            try {
                return role.cast(
                        BridgeClasses.load(anchor, className).getConstructor().newInstance());
            } catch (Throwable t) {
                SelfMetrics.recordError(component, t);
                return fallback;
            }
        }
    };

    private Bridge(Class<R> role, String className, String component, R fallback) {
        this.role = role;
        this.className = className;
        this.component = component;
        this.fallback = fallback;
    }

    /**
     * @param role what the agent calls the bridge through
     * @param className the bridge class, in a {@code …bridge} package
     * @param component the error component it is counted under, e.g. {@code http.servlet}
     * @param fallback what {@link #get} returns when the bridge cannot be created: a do-nothing role
     */
    public static <R> Bridge<R> of(Class<R> role, String className, String component, R fallback) {
        if (fallback == null) {
            throw new IllegalArgumentException("a bridge needs a do-nothing fallback: " + className);
        }
        return new Bridge<>(role, className, component, fallback);
    }

    /** The bridge for the library that defines {@code anchor}; the fallback if it cannot be created. */
    public R get(Class<?> anchor) {
        return perLibrary.get(anchor);
    }

    /** Whether {@code bridge} is this bridge's fallback, i.e. the library is not observed. */
    public boolean isFallback(R bridge) {
        return bridge == fallback;
    }
}
