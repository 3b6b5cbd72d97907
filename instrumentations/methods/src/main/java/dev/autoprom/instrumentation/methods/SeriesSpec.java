package dev.autoprom.instrumentation.methods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one source (an annotation, a methods-file entry) wants recorded for one method: a histogram of its
 * duration or a counter of its calls, with fixed labels ({@code class}, {@code method}, the annotation's tags),
 * the {@code exception} label, optionally a {@code result}/{@code outcome} label, and labels taken from the
 * arguments. Built at transform time, from the class file; nothing of it is read per call.
 */
public final class SeriesSpec {

    public enum Kind {
        HISTOGRAM,
        COUNTER
    }

    final Kind kind;
    /** The Prometheus name, with {@code _seconds} or {@code _total}. */
    final String name;

    final String help;
    final Map<String, String> fixedLabels;
    /** {@code result} or {@code outcome}; null: no such label. */
    final String resultLabel;

    final boolean failuresOnly;
    final List<ArgumentLabel> argumentLabels;
    /** Where the spec came from, for messages: {@code @Timed on com.acme.A#b}, {@code methods.properties:3}. */
    final String origin;

    public SeriesSpec(
            Kind kind,
            String name,
            String help,
            Map<String, String> fixedLabels,
            String resultLabel,
            boolean failuresOnly,
            List<ArgumentLabel> argumentLabels,
            String origin) {
        this.kind = kind;
        this.name = name;
        this.help = help;
        this.fixedLabels = Collections.unmodifiableMap(new LinkedHashMap<>(fixedLabels));
        this.resultLabel = resultLabel;
        this.failuresOnly = failuresOnly;
        this.argumentLabels = Collections.unmodifiableList(new ArrayList<>(argumentLabels));
        this.origin = origin;
    }

    /** The label names in the order the metric is registered with, when this spec is the first to name it. */
    List<String> labelNames() {
        List<String> names = new ArrayList<>();
        names.add(MethodMetricNames.CLASS);
        names.add(MethodMetricNames.METHOD);
        if (resultLabel != null) {
            names.add(resultLabel);
        }
        names.add(MethodMetricNames.EXCEPTION);
        for (String label : fixedLabels.keySet()) {
            if (!names.contains(label)) {
                names.add(label);
            }
        }
        for (ArgumentLabel label : argumentLabels) {
            if (!names.contains(label.name)) {
                names.add(label.name);
            }
        }
        return names;
    }

    /** The {@code class} and {@code method} labels every spec starts with. */
    public static Map<String, String> classAndMethod(String className, String methodName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MethodMetricNames.CLASS, className);
        labels.put(MethodMetricNames.METHOD, methodName);
        return labels;
    }
}
