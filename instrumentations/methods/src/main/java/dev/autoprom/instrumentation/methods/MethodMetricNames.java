package dev.autoprom.instrumentation.methods;

/** Names and label names of the method metrics, as Micrometer's Prometheus naming convention spells them. */
public final class MethodMetricNames {

    /** Micrometer's defaults: {@code TimedAspect.DEFAULT_METRIC_NAME}, {@code CountedAspect}'s. */
    public static final String DEFAULT_TIMED = "method.timed";

    public static final String DEFAULT_COUNTED = "method.counted";
    public static final String CLASS = "class";
    public static final String METHOD = "method";
    public static final String EXCEPTION = "exception";
    /** Micrometer's {@code @Counted} tag; the methods file calls the same thing {@link #OUTCOME}. */
    public static final String RESULT = "result";

    public static final String OUTCOME = "outcome";
    public static final String NONE = "none";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    private MethodMetricNames() {}

    /** {@code a.b-c} → {@code a_b_c}: every character Prometheus does not allow becomes {@code _}. */
    public static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
            out.append(ok ? c : '_');
        }
        if (out.length() == 0 || (out.charAt(0) >= '0' && out.charAt(0) <= '9')) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** A timer's Prometheus name: {@code a.b} → {@code a_b_seconds}. */
    public static String timerName(String name) {
        String base = sanitize(name);
        return base.endsWith("_seconds") ? base : base + "_seconds";
    }

    /** A counter's Prometheus name: {@code a.b} → {@code a_b_total}. */
    public static String counterName(String name) {
        String base = sanitize(name);
        return base.endsWith("_total") ? base : base + "_total";
    }

    /** The simple name of what a method threw, as Micrometer's {@code exception} tag has it. */
    public static String exceptionName(Throwable thrown) {
        if (thrown == null) {
            return NONE;
        }
        String simple = thrown.getClass().getSimpleName();
        return simple.isEmpty() ? thrown.getClass().getName() : simple;
    }
}
