package dev.autoprom.instrumentation.methods.micrometer;

import dev.autoprom.api.AgentLog;
import dev.autoprom.instrumentation.methods.Annotations;
import dev.autoprom.instrumentation.methods.MethodMetricNames;
import dev.autoprom.instrumentation.methods.SeriesSpec;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;

/**
 * Micrometer's {@code @Timed} (repeatable) and {@code @Counted}, on a method or on its class, read as
 * Micrometer's {@code TimedAspect} and {@code CountedAspect} do: the name ({@code method.timed} /
 * {@code method.counted} by default), {@code extraTags} as key-value pairs, {@code recordFailuresOnly}; tags
 * {@code class} (the declaring class's name), {@code method}, {@code exception}, and {@code result} for counters.
 */
public final class MicrometerAnnotations {

    public static final String TIMED = "io.micrometer.core.annotation.Timed";
    public static final String TIMED_SET = "io.micrometer.core.annotation.TimedSet";
    public static final String COUNTED = "io.micrometer.core.annotation.Counted";

    private MicrometerAnnotations() {}

    public static void read(MethodDescription method, List<SeriesSpec> out) {
        String className = method.getDeclaringType().asErasure().getName();
        String where = className + '#' + method.getName();
        for (AnnotationDescription timed : Annotations.applying(method, TIMED, TIMED_SET)) {
            String value = Annotations.string(timed, "value");
            String name = value.isEmpty() ? MethodMetricNames.DEFAULT_TIMED : value;
            out.add(new SeriesSpec(
                    SeriesSpec.Kind.HISTOGRAM,
                    MethodMetricNames.timerName(name),
                    help(timed, "Duration of " + name + " (Micrometer @Timed), recorded by autoprom."),
                    tags(className, method.getName(), Annotations.strings(timed, "extraTags"), where),
                    null,
                    false,
                    List.of(),
                    "@Timed on " + where));
        }
        for (AnnotationDescription counted : Annotations.applying(method, COUNTED, null)) {
            String name = Annotations.string(counted, "value");
            out.add(new SeriesSpec(
                    SeriesSpec.Kind.COUNTER,
                    MethodMetricNames.counterName(name.isEmpty() ? MethodMetricNames.DEFAULT_COUNTED : name),
                    help(counted, "Calls of " + name + " (Micrometer @Counted), recorded by autoprom."),
                    tags(className, method.getName(), Annotations.strings(counted, "extraTags"), where),
                    MethodMetricNames.RESULT,
                    Annotations.bool(counted, "recordFailuresOnly"),
                    List.of(),
                    "@Counted on " + where));
        }
    }

    private static String help(AnnotationDescription annotation, String otherwise) {
        String description = Annotations.string(annotation, "description");
        return description.isEmpty() ? otherwise : description;
    }

    /** {@code class}, {@code method} and the {@code extraTags} pairs (an odd last key is dropped, logged once). */
    static Map<String, String> tags(String className, String methodName, String[] extraTags, String where) {
        Map<String, String> tags = SeriesSpec.classAndMethod(className, methodName);
        if (extraTags.length % 2 != 0) {
            AgentLog.warnOnce(
                    "micrometer.tags:" + where,
                    "@Timed/@Counted on " + where + ": extraTags must be key-value pairs; the odd last one ("
                            + extraTags[extraTags.length - 1] + ") is dropped");
        }
        for (int i = 0; i + 1 < extraTags.length; i += 2) {
            String key = MethodMetricNames.sanitize(extraTags[i]);
            if (!tags.containsKey(key)
                    && !key.equals(MethodMetricNames.EXCEPTION)
                    && !key.equals(MethodMetricNames.RESULT)) {
                tags.put(key, extraTags[i + 1]);
            }
        }
        return tags;
    }
}
