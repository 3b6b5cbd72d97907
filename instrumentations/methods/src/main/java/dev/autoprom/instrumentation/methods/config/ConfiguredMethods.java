package dev.autoprom.instrumentation.methods.config;

import dev.autoprom.api.AgentLog;
import dev.autoprom.instrumentation.methods.ArgumentLabel;
import dev.autoprom.instrumentation.methods.MethodMetricNames;
import dev.autoprom.instrumentation.methods.SeriesSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;

/**
 * The methods of {@code autoprom.methods.file}, installed once by the agent before the instrumentations are.
 * Bad lines are logged when the file is read (at start-up). A configured class is checked when it loads: each
 * method it lacks is logged once then; a class that has not loaded is shown as such on {@code /autoprom} all
 * along, and logged once when the JVM exits (only then is "never loaded" known).
 */
public final class ConfiguredMethods {

    private static volatile MethodsFile file = MethodsFile.parse("", List.of());
    private static volatile Map<String, List<ConfiguredMethod>> byClass = Map.of();

    private ConfiguredMethods() {}

    /** Reads the file ({@code ""}: none) and logs each problem once. */
    public static void install(String path) {
        if (path == null || path.trim().isEmpty()) {
            return;
        }
        MethodsFile read = MethodsFile.read(path.trim());
        Map<String, List<ConfiguredMethod>> classes = new HashMap<>();
        for (ConfiguredMethod method : read.methods) {
            classes.computeIfAbsent(method.className, c -> new ArrayList<>()).add(method);
        }
        file = read;
        byClass = classes;
        for (String problem : read.problems) {
            AgentLog.error(problem);
        }
        AgentLog.info("methods file " + read.file + ": " + read.methods.size() + " method(s) configured"
                + (read.problems.isEmpty() ? "" : ", " + read.problems.size() + " line(s) skipped")
                + "; each is listed on /autoprom with whether it was found");
        if (!read.methods.isEmpty()) {
            Thread atExit = new Thread(ConfiguredMethods::reportNeverLoaded, "autoprom-methods-report");
            try {
                Runtime.getRuntime().addShutdownHook(atExit);
            } catch (IllegalStateException | SecurityException shuttingDown) {
                // nothing to report on then
            }
        }
    }

    /** The configured classes (binary names), for the instrumentation's targets. */
    public static Set<String> classNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(byClass.keySet()));
    }

    public static boolean names(String className) {
        return byClass.containsKey(className);
    }

    /** A configured class is being loaded: which of its configured methods it has. Idempotent. */
    public static void classSeen(TypeDescription type) {
        List<ConfiguredMethod> methods = byClass.get(type.getName());
        if (methods == null) {
            return;
        }
        MethodList<MethodDescription.InDefinedShape> declared = type.getDeclaredMethods();
        for (ConfiguredMethod configured : methods) {
            if (configured.found()) {
                continue;
            }
            int matching = 0;
            boolean bodiless = false;
            for (MethodDescription method : declared) {
                if (matches(configured, method)) {
                    if (method.isAbstract() || method.isNative()) {
                        bodiless = true;
                    } else {
                        matching++;
                    }
                }
            }
            if (matching > 0) {
                configured.found(matching);
                checkArguments(configured, declared);
                continue;
            }
            String why = bodiless
                    ? "method " + configured.methodName + " is abstract or native in " + type.getName()
                            + ": expected the class that implements it"
                    : type.getName() + " has no method " + configured.methodName
                            + (configured.arity >= 0 ? " with " + configured.arity + " parameter(s)" : "")
                            + ": expected one of its declared methods (" + declaredNames(declared) + ")";
            configured.missing(why);
            AgentLog.error(file.file + ':' + configured.line + ": " + configured.metric + " = " + configured.target()
                    + ": " + why + "; nothing is recorded for it");
        }
    }

    private static void checkArguments(ConfiguredMethod configured, MethodList<?> declared) {
        for (int i = 0; i < configured.labels.size(); i++) {
            int argument = configured.labels.get(i).argument();
            for (MethodDescription method : declared) {
                if (matches(configured, method)
                        && argument >= method.getParameters().size()) {
                    AgentLog.error(file.file + ':' + configured.labelLines.get(i) + ": " + configured.metric
                            + " label from arg" + argument + ": " + configured.className + '#' + method.getName()
                            + method.getDescriptor() + " has "
                            + method.getParameters().size()
                            + " parameter(s), expected argN with N below that; the label is empty for it");
                }
            }
        }
    }

    private static String declaredNames(MethodList<?> declared) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodDescription method : declared) {
            if (method.isMethod() && !method.isSynthetic()) {
                names.add(method.getName() + '/' + method.getParameters().size());
            }
        }
        return String.join(", ", names);
    }

    private static boolean matches(ConfiguredMethod configured, MethodDescription method) {
        return method.isMethod()
                && !method.isBridge()
                && !method.isSynthetic()
                && method.getName().equals(configured.methodName)
                && (configured.arity < 0 || method.getParameters().size() == configured.arity);
    }

    /** The series the file asks for on {@code method}, and the names of its calls-in-flight gauges. */
    public static void specsFor(MethodDescription method, List<SeriesSpec> out, List<String> activeGauges) {
        String className = method.getDeclaringType().asErasure().getName();
        List<ConfiguredMethod> methods = byClass.get(className);
        if (methods == null || method.isAbstract() || method.isNative()) {
            return;
        }
        for (ConfiguredMethod configured : methods) {
            if (!matches(configured, method)) {
                continue;
            }
            List<ArgumentLabel> labels = new ArrayList<>();
            for (ArgumentLabel label : configured.labels) {
                if (label.argument() < method.getParameters().size()) {
                    labels.add(label);
                }
            }
            out.add(new SeriesSpec(
                    configured.isCounter() ? SeriesSpec.Kind.COUNTER : SeriesSpec.Kind.HISTOGRAM,
                    configured.metric,
                    (configured.isCounter() ? "Calls of " : "Duration of calls of ") + configured.target()
                            + " (autoprom.methods.file line " + configured.line + ")",
                    SeriesSpec.classAndMethod(className, method.getName()),
                    MethodMetricNames.OUTCOME,
                    false,
                    labels,
                    file.file + ':' + configured.line));
            String gauge = configured.base() + "_active";
            if (!activeGauges.contains(gauge)) {
                activeGauges.add(gauge);
            }
        }
    }

    /** The {@code "methods"} member of {@code /autoprom}: the file, each configured method, the skipped lines. */
    public static String statusJson() {
        MethodsFile current = file;
        StringBuilder json = new StringBuilder(256).append("{\"file\":");
        string(json, current.file).append(",\"configured\":[");
        boolean first = true;
        for (ConfiguredMethod method : current.methods) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"metric\":");
            string(json, method.metric).append(",\"method\":");
            string(json, method.target()).append(",\"line\":").append(method.line);
            json.append(",\"found\":").append(method.found()).append(",\"state\":");
            string(json, method.state()).append('}');
        }
        json.append("],\"problems\":[");
        first = true;
        for (String problem : current.problems) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, problem);
        }
        return json.append("]}").toString();
    }

    private static void reportNeverLoaded() {
        for (ConfiguredMethod method : file.methods) {
            if (!method.found() && method.state().startsWith("class not loaded")) {
                AgentLog.error(file.file + ':' + method.line + ": " + method.metric + " = " + method.target()
                        + ": class " + method.className + " never loaded in this JVM: expected the binary name of"
                        + " a class the application loads (nested classes as Outer$Inner); nothing was recorded");
            }
        }
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
