package dev.autoprom.instrumentation.methods.config;

import dev.autoprom.instrumentation.methods.ArgumentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code autoprom.methods.file}: a properties-style file, one setting a line ({@code #} and {@code !}
 * start comments):
 *
 * <pre>
 * issues_processed_total = com.acme.IssueService#process, com.acme.IssueService#retry/2
 * issues_processed_total.label.platform = arg0.platform
 * issues_processed_total.label.outcome_hint = arg1
 * issues_processed_total.label.outcome_hint.tostring = true
 * </pre>
 *
 * A bad line is reported with the file, its line and what was expected, and skipped; the rest apply.
 */
public final class MethodsFile {

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*_(total|seconds)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern TARGET = Pattern.compile(
            "([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*)#([\\p{L}_$][\\p{L}\\p{N}_$]*)(?:/(\\d{1,3}))?");
    private static final Pattern ARGUMENT = Pattern.compile("arg(\\d{1,3})(?:\\.([a-zA-Z_$][a-zA-Z0-9_$]*))?");
    private static final Set<String> RESERVED = Set.of("class", "method", "outcome", "exception");

    final String file;
    final List<ConfiguredMethod> methods = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private MethodsFile(String file) {
        this.file = file;
    }

    public static MethodsFile read(String file) {
        MethodsFile result = new MethodsFile(file);
        List<String> lines;
        try {
            Path path = Paths.get(file);
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            result.problems.add("autoprom.methods.file=" + file + ": cannot read the file (" + e
                    + "); expected a readable properties file of NAME = class#method lines; no method is recorded");
            return result;
        }
        result.parse(lines);
        result.finish();
        return result;
    }

    static MethodsFile parse(String file, List<String> lines) {
        MethodsFile result = new MethodsFile(file);
        result.parse(lines);
        result.finish();
        return result;
    }

    private void parse(List<String> lines) {
        Map<String, List<ConfiguredMethod>> byMetric = new LinkedHashMap<>();
        List<int[]> labelLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problem(
                        i + 1,
                        "\"" + line + "\" is not a setting: expected NAME = class#method or"
                                + " NAME.label.KEY = argN[.property]");
                continue;
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (key.contains(".label.")) {
                labelLines.add(new int[] {i});
                continue;
            }
            if (!METRIC.matcher(key).matches()) {
                problem(
                        i + 1,
                        "metric name \"" + key + "\": expected a Prometheus name ending in _total (a counter)"
                                + " or _seconds (a histogram), such as issues_processed_total");
                continue;
            }
            for (String target : value.split(",")) {
                Matcher m = TARGET.matcher(target.trim());
                if (!m.matches()) {
                    problem(
                            i + 1,
                            key + " = \"" + target.trim() + "\": expected class#method or class#method/N"
                                    + " (N: the number of parameters), such as com.acme.IssueService#process");
                    continue;
                }
                ConfiguredMethod method = new ConfiguredMethod(
                        key, m.group(1), m.group(2), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), i + 1);
                methods.add(method);
                byMetric.computeIfAbsent(key, k -> new ArrayList<>()).add(method);
            }
        }
        for (int[] index : labelLines) {
            label(index[0] + 1, lines.get(index[0]).trim(), byMetric);
        }
    }

    private void label(int lineNumber, String line, Map<String, List<ConfiguredMethod>> byMetric) {
        int eq = line.indexOf('=');
        String key = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        int at = key.indexOf(".label.");
        String metric = key.substring(0, at);
        String label = key.substring(at + ".label.".length());
        List<ConfiguredMethod> targets = byMetric.get(metric);
        if (targets == null) {
            problem(
                    lineNumber,
                    key + ": no line " + metric + " = class#method names this metric; expected the"
                            + " metric's own line before its labels can apply");
            return;
        }
        if (label.endsWith(".tostring")) {
            String labelName = label.substring(0, label.length() - ".tostring".length());
            if (!value.equals("true") && !value.equals("false")) {
                problem(lineNumber, key + " = \"" + value + "\": expected true or false");
                return;
            }
            // applied below, once every label is known: remember it on the methods
            for (ConfiguredMethod method : targets) {
                method.toStringLabels.put(labelName, Boolean.valueOf(value));
            }
            return;
        }
        if (!NAME.matcher(label).matches() || label.startsWith("__") || RESERVED.contains(label)) {
            problem(
                    lineNumber,
                    key + ": label name \"" + label + "\": expected a Prometheus label name"
                            + " ([a-zA-Z_][a-zA-Z0-9_]*) other than class, method, outcome and exception");
            return;
        }
        Matcher m = ARGUMENT.matcher(value);
        if (!m.matches()) {
            problem(
                    lineNumber,
                    key + " = \"" + value + "\": expected argN or argN.property (N counts the"
                            + " method's parameters from 0), such as arg0.platform");
            return;
        }
        for (ConfiguredMethod method : targets) {
            method.pendingLabels.add(new Object[] {label, Integer.parseInt(m.group(1)), m.group(2), lineNumber});
        }
    }

    /** Turns the collected label lines into labels, with their {@code .tostring} setting. */
    void finish() {
        for (ConfiguredMethod method : methods) {
            for (Object[] pending : method.pendingLabels) {
                String label = (String) pending[0];
                int line = (Integer) pending[3];
                method.labels.add(new ArgumentLabel(
                        label,
                        (Integer) pending[1],
                        (String) pending[2],
                        Boolean.TRUE.equals(method.toStringLabels.get(label)),
                        file + ':' + line));
                method.labelLines.add(line);
            }
            method.pendingLabels.clear();
        }
    }

    private void problem(int line, String message) {
        problems.add(file + ':' + line + ": " + message + "; the line is skipped");
    }
}
