package dev.autoprom.instrumentation.methods.microprofile;

import dev.autoprom.api.AgentLog;
import dev.autoprom.instrumentation.methods.Annotations;
import dev.autoprom.instrumentation.methods.MethodMetricNames;
import dev.autoprom.instrumentation.methods.SeriesSpec;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;

/**
 * MicroProfile Metrics 5 {@code @Timed} and {@code @Counted}, named as the specification says: on a method,
 * {@code <class>.<name>} ({@code name} defaults to the method's), or just {@code name} when {@code absolute};
 * on a class, for each public method {@code <class>.<method>}, {@code <class>.<name>.<method>}, or
 * {@code <name>.<method>} when absolute. {@code tags} are {@code key=value} strings. Labels as for Micrometer's.
 */
public final class MicroProfileAnnotations {

    public static final String TIMED = "org.eclipse.microprofile.metrics.annotation.Timed";
    public static final String COUNTED = "org.eclipse.microprofile.metrics.annotation.Counted";

    private MicroProfileAnnotations() {}

    public static void read(MethodDescription method, List<SeriesSpec> out) {
        String className = method.getDeclaringType().asErasure().getName();
        String where = className + '#' + method.getName();
        for (AnnotationDescription timed : Annotations.applying(method, TIMED, null)) {
            String name = name(method, timed, className);
            out.add(new SeriesSpec(
                    SeriesSpec.Kind.HISTOGRAM,
                    MethodMetricNames.timerName(name),
                    help(timed, "Duration of " + name + " (MicroProfile @Timed), recorded by autoprom."),
                    tags(className, method.getName(), Annotations.strings(timed, "tags"), where),
                    null,
                    false,
                    List.of(),
                    "@Timed on " + where));
        }
        for (AnnotationDescription counted : Annotations.applying(method, COUNTED, null)) {
            String name = name(method, counted, className);
            out.add(new SeriesSpec(
                    SeriesSpec.Kind.COUNTER,
                    MethodMetricNames.counterName(name),
                    help(counted, "Calls of " + name + " (MicroProfile @Counted), recorded by autoprom."),
                    tags(className, method.getName(), Annotations.strings(counted, "tags"), where),
                    MethodMetricNames.RESULT,
                    false,
                    List.of(),
                    "@Counted on " + where));
        }
    }

    private static String name(MethodDescription method, AnnotationDescription annotation, String className) {
        String name = Annotations.string(annotation, "name");
        boolean absolute = Annotations.bool(annotation, "absolute");
        String simpleClass = className.replace('$', '.');
        if (isOnMethod(method, annotation)) {
            String local = name.isEmpty() ? method.getName() : name;
            return absolute ? local : simpleClass + '.' + local;
        }
        if (absolute) {
            return (name.isEmpty() ? "" : name + '.') + method.getName();
        }
        return simpleClass + '.' + (name.isEmpty() ? "" : name + '.') + method.getName();
    }

    private static boolean isOnMethod(MethodDescription method, AnnotationDescription annotation) {
        for (AnnotationDescription own : method.getDeclaredAnnotations()) {
            if (own.getAnnotationType().equals(annotation.getAnnotationType())) {
                return true;
            }
        }
        return false;
    }

    private static String help(AnnotationDescription annotation, String otherwise) {
        String description = Annotations.string(annotation, "description");
        return description.isEmpty() ? otherwise : description;
    }

    /** {@code class}, {@code method} and the {@code key=value} tags (a malformed one is dropped, logged once). */
    private static Map<String, String> tags(String className, String methodName, String[] tags, String where) {
        Map<String, String> labels = SeriesSpec.classAndMethod(className, methodName);
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                AgentLog.warnOnce(
                        "microprofile.tags:" + where + ':' + tag,
                        "@Timed/@Counted on " + where + ": tag \"" + tag + "\" is not key=value; dropped");
                continue;
            }
            String key = MethodMetricNames.sanitize(tag.substring(0, eq));
            if (!labels.containsKey(key)
                    && !key.equals(MethodMetricNames.EXCEPTION)
                    && !key.equals(MethodMetricNames.RESULT)) {
                labels.put(key, tag.substring(eq + 1));
            }
        }
        return labels;
    }
}
