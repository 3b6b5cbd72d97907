package dev.autoprom.instrumentation.methods.config;

import dev.autoprom.instrumentation.methods.ArgumentLabel;
import java.util.ArrayList;
import java.util.List;

/** One {@code NAME = class#method} of the methods file, and what became of it. */
public final class ConfiguredMethod {

    /** The metric's full name: {@code issues_processed_total}, {@code ai_request_duration_seconds}. */
    public final String metric;

    public final String className;
    public final String methodName;
    /** The number of parameters written as {@code method/2}; -1: any. */
    public final int arity;

    public final int line;
    final List<ArgumentLabel> labels = new ArrayList<>();
    /** Each label's line, for messages. */
    final List<Integer> labelLines = new ArrayList<>();
    /** While the file is read: label lines, and their {@code .tostring} settings. */
    final List<Object[]> pendingLabels = new ArrayList<>();

    final java.util.Map<String, Boolean> toStringLabels = new java.util.HashMap<>();

    private volatile String state = "class not loaded (yet)";
    private volatile boolean found;

    ConfiguredMethod(String metric, String className, String methodName, int arity, int line) {
        this.metric = metric;
        this.className = className;
        this.methodName = methodName;
        this.arity = arity;
        this.line = line;
    }

    public boolean isCounter() {
        return metric.endsWith("_total");
    }

    /** The name without {@code _total}/{@code _seconds}: {@code NAME_active} is built on it. */
    public String base() {
        return metric.substring(0, metric.lastIndexOf('_'));
    }

    public String target() {
        return className + '#' + methodName + (arity >= 0 ? "/" + arity : "");
    }

    public boolean found() {
        return found;
    }

    public String state() {
        return state;
    }

    void found(int methods) {
        found = true;
        state = "found: " + methods + " method(s)";
    }

    void missing(String why) {
        found = false;
        state = why;
    }
}
