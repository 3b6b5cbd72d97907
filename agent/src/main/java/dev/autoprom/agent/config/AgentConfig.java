package dev.autoprom.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's configuration, parsed once at start-up and immutable afterwards.
 *
 * <p>Sources, highest first: agent arguments ({@code -javaagent:autoprom-agent.jar=port=9464,host=127.0.0.1},
 * keys with or without the {@code autoprom.} prefix), system properties, environment variables
 * ({@code AUTOPROM_PORT}), the properties file named by {@code autoprom.config.file}, defaults. A value that does
 * not parse is reported (key, value, source, what was expected) and the default is used; unknown
 * {@code autoprom.*} keys are reported with the nearest known key. {@link #problems()} lists every such report,
 * so that {@code autoprom.fail.fast=true} can refuse to start.
 */
public final class AgentConfig {

    public static final String PREFIX = "autoprom.";
    public static final String ENABLED = "autoprom.enabled";
    public static final String HOST = "autoprom.host";
    public static final String PORT = "autoprom.port";
    public static final String METRICS_PATH = "autoprom.metrics.path";
    public static final String JVM_ENABLED = "autoprom.jvm.enabled";
    public static final String CARDINALITY_LIMIT = "autoprom.cardinality.limit";
    public static final String HISTOGRAM_NATIVE = "autoprom.histogram.native";
    public static final String LABELS = "autoprom.labels";
    public static final String AUTH_USERNAME = "autoprom.auth.username";
    public static final String AUTH_PASSWORD = "autoprom.auth.password";
    public static final String AUTH_PASSWORD_SHA256 = "autoprom.auth.password.sha256";
    public static final String TLS_KEYSTORE_PATH = "autoprom.tls.keystore.path";
    public static final String TLS_KEYSTORE_PASSWORD = "autoprom.tls.keystore.password";
    public static final String LOG_LEVEL = "autoprom.log.level";
    public static final String FAIL_FAST = "autoprom.fail.fast";
    public static final String CONFIG_FILE = "autoprom.config.file";
    /** Test only: every instrumented method also gets advice that throws (see FaultInjectionAdvice). */
    public static final String TEST_FAULT_INJECTION = "autoprom.test.fault.injection";

    private static final String MASK = "********";

    private final Map<String, Object> values;
    private final Map<String, String> sources;
    private final Map<String, Setting> table;
    private final List<String> problems;

    private AgentConfig(Map<String, Setting> table, Map<String, Object> values, Map<String, String> sources,
            List<String> problems) {
        this.table = table;
        this.values = values;
        this.sources = sources;
        this.problems = Collections.unmodifiableList(problems);
    }

    /** The table of every key. {@code instrumentationNames} are the families and libraries that have a switch. */
    static Map<String, Setting> table(Collection<String> instrumentationNames) {
        Map<String, Setting> t = new LinkedHashMap<>();
        add(t, ENABLED, "true", Parsers::bool, "true or false", false);
        add(t, HOST, "0.0.0.0", Parsers::host, "a host name or IP address to bind", false);
        add(t, PORT, "9464", Parsers.intRange(0, 65535), "a port number from 0 to 65535 (0 picks a free port)",
                false);
        add(t, METRICS_PATH, "/metrics", Parsers::path, "a path starting with / such as /metrics", false);
        add(t, JVM_ENABLED, "true", Parsers::bool, "true or false", false);
        add(t, CARDINALITY_LIMIT, "2000", Parsers.intRange(1, 1_000_000), "an integer from 1 to 1000000", false);
        add(t, HISTOGRAM_NATIVE, "false", Parsers::bool, "true or false", false);
        add(t, LABELS, "", Parsers::labels,
                "comma-separated name=value pairs with Prometheus label names, such as service=checkout,env=prod",
                false);
        add(t, AUTH_USERNAME, "", Parsers::text, "a user name", false);
        add(t, AUTH_PASSWORD, "", Parsers::text, "a password", true);
        add(t, AUTH_PASSWORD_SHA256, "", Parsers::sha256Hex, "64 hexadecimal digits (SHA-256 of the password)",
                true);
        add(t, TLS_KEYSTORE_PATH, "", Parsers::text, "the path of a PKCS12 keystore", false);
        add(t, TLS_KEYSTORE_PASSWORD, "", Parsers::text, "the keystore's password", true);
        add(t, LOG_LEVEL, "info", Parsers::logLevel, "one of debug, info, warn, error, off", false);
        add(t, FAIL_FAST, "false", Parsers::bool, "true or false", false);
        add(t, CONFIG_FILE, "", Parsers::text, "the path of a properties file", false);
        add(t, TEST_FAULT_INJECTION, "false", Parsers::bool, "true or false", false);
        for (String name : new TreeSet<>(instrumentationNames)) {
            add(t, instrumentationKey(name), "", Parsers::bool, "true or false", false);
        }
        return t;
    }

    private static void add(Map<String, Setting> t, String key, String def, Setting.Parser parser, String expected,
            boolean secret) {
        t.put(key, new Setting(key, def, parser, expected, secret));
    }

    public static String instrumentationKey(String name) {
        return PREFIX + "instrumentation." + name + ".enabled";
    }

    /** Parses every source. Never throws: problems are collected in {@link #problems()}. */
    public static AgentConfig load(String agentArgs, Map<String, String> systemProperties,
            Map<String, String> environment, Collection<String> instrumentationNames) {
        Map<String, Setting> table = table(instrumentationNames);
        List<String> problems = new ArrayList<>();
        Map<String, String> args = parseAgentArgs(agentArgs, table, problems);
        Map<String, String> sys = withPrefix(systemProperties);
        Map<String, String> env = fromEnvironment(environment, table, problems);

        Map<String, String> file = Collections.emptyMap();
        String fileName = first(CONFIG_FILE, args, sys, env);
        if (fileName != null && !fileName.trim().isEmpty()) {
            file = readFile(fileName.trim(), problems);
        }

        reportUnknown(args.keySet(), "agent argument", table, problems);
        reportUnknown(sys.keySet(), "system property", table, problems);
        reportUnknown(file.keySet(), "file " + fileName, table, problems);

        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Setting setting : table.values()) {
            String source = "default";
            String text = setting.defaultText;
            if (args.containsKey(setting.key)) {
                source = "agent argument";
                text = args.get(setting.key);
            } else if (sys.containsKey(setting.key)) {
                source = "system property";
                text = sys.get(setting.key);
            } else if (env.containsKey(setting.key)) {
                source = "environment variable " + setting.envName();
                text = env.get(setting.key);
            } else if (file.containsKey(setting.key)) {
                source = "file " + fileName;
                text = file.get(setting.key);
            }
            values.put(setting.key, parse(setting, text, source, problems));
            sources.put(setting.key, source);
        }
        return new AgentConfig(table, values, sources, problems);
    }

    private static Object parse(Setting setting, String text, String source, List<String> problems) {
        if (text.isEmpty() && setting.defaultText.isEmpty()) {
            return null; // unset optional value
        }
        try {
            return setting.parser.apply(text);
        } catch (RuntimeException e) {
            String shown = setting.secret ? MASK : text;
            problems.add("invalid value '" + shown + "' for " + setting.key + " (" + source + "): expected "
                    + setting.expected + "; using the default"
                    + (setting.defaultText.isEmpty() ? " (unset)" : " " + setting.defaultText));
            return setting.defaultText.isEmpty() ? null : setting.parser.apply(setting.defaultText);
        }
    }

    /**
     * {@code port=9464,host=127.0.0.1}. Keys may omit the {@code autoprom.} prefix. Because label values are
     * comma-separated too, a part that is not itself a known key continues the value of {@code labels}:
     * {@code labels=service=checkout,env=prod,port=0}.
     */
    static Map<String, String> parseAgentArgs(String agentArgs, Map<String, Setting> table, List<String> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        String previousKey = null;
        for (String part : agentArgs.split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : withPrefix(part.substring(0, eq).trim());
            if (!table.containsKey(key) && LABELS.equals(previousKey)) {
                result.put(LABELS, result.get(LABELS) + "," + part);
                continue;
            }
            if (eq < 0) {
                problems.add("agent argument '" + part + "' is not of the form key=value, as in "
                        + "-javaagent:autoprom-agent.jar=port=9464,host=127.0.0.1; ignored");
                previousKey = null;
                continue;
            }
            result.put(key, part.substring(eq + 1));
            previousKey = key;
        }
        return result;
    }

    private static String withPrefix(String key) {
        return key.startsWith(PREFIX) ? key : PREFIX + key;
    }

    private static Map<String, String> withPrefix(Map<String, String> properties) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    private static Map<String, String> fromEnvironment(Map<String, String> environment, Map<String, Setting> table,
            List<String> problems) {
        Map<String, Setting> byEnvName = new LinkedHashMap<>();
        for (Setting s : table.values()) {
            byEnvName.put(s.envName(), s);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith("AUTOPROM_")) {
                continue;
            }
            Setting s = byEnvName.get(e.getKey());
            if (s == null) {
                problems.add("unknown environment variable " + e.getKey() + "; did you mean "
                        + nearest(e.getKey(), byEnvName.keySet()) + "?");
            } else {
                result.put(s.key, e.getValue());
            }
        }
        return result;
    }

    private static Map<String, String> readFile(String fileName, List<String> problems) {
        Path path = Paths.get(fileName);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + CONFIG_FILE + "=" + fileName + " (" + e
                    + "): expected a readable properties file; it is ignored");
            return Collections.emptyMap();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            result.put(withPrefix(name), properties.getProperty(name));
        }
        return result;
    }

    private static String first(String key, Map<String, String> a, Map<String, String> b, Map<String, String> c) {
        return a.containsKey(key) ? a.get(key) : b.containsKey(key) ? b.get(key) : c.get(key);
    }

    private static void reportUnknown(Set<String> keys, String source, Map<String, Setting> table,
            List<String> problems) {
        for (String key : keys) {
            if (!table.containsKey(key)) {
                problems.add("unknown setting " + key + " (" + source + "); did you mean "
                        + nearest(key, table.keySet()) + "?");
            }
        }
    }

    /** The candidate with the smallest edit distance to {@code key}. */
    static String nearest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    // ---- typed accessors ----

    public boolean enabled() {
        return (Boolean) values.get(ENABLED);
    }

    public String host() {
        return (String) values.get(HOST);
    }

    public int port() {
        return (Integer) values.get(PORT);
    }

    public String metricsPath() {
        return (String) values.get(METRICS_PATH);
    }

    public boolean jvmEnabled() {
        return (Boolean) values.get(JVM_ENABLED);
    }

    public int cardinalityLimit() {
        return (Integer) values.get(CARDINALITY_LIMIT);
    }

    public boolean nativeHistograms() {
        return (Boolean) values.get(HISTOGRAM_NATIVE);
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> labels() {
        Map<String, String> labels = (Map<String, String>) values.get(LABELS);
        return labels == null ? Collections.emptyMap() : labels;
    }

    public String authUsername() {
        return (String) values.get(AUTH_USERNAME);
    }

    public String authPassword() {
        return (String) values.get(AUTH_PASSWORD);
    }

    public String authPasswordSha256() {
        return (String) values.get(AUTH_PASSWORD_SHA256);
    }

    public String keystorePath() {
        return (String) values.get(TLS_KEYSTORE_PATH);
    }

    public String keystorePassword() {
        return (String) values.get(TLS_KEYSTORE_PASSWORD);
    }

    public String logLevel() {
        return (String) values.get(LOG_LEVEL);
    }

    public boolean failFast() {
        return (Boolean) values.get(FAIL_FAST);
    }

    public boolean faultInjection() {
        return (Boolean) values.get(TEST_FAULT_INJECTION);
    }

    /**
     * Whether an instrumentation is on: its own switch if set, else its family's switch if set, else its
     * default.
     */
    public boolean instrumentationEnabled(String family, String name, boolean enabledByDefault) {
        Boolean own = (Boolean) values.get(instrumentationKey(name));
        if (own != null) {
            return own;
        }
        Boolean familySwitch = (Boolean) values.get(instrumentationKey(family));
        return familySwitch != null ? familySwitch : enabledByDefault;
    }

    /** Every problem found while loading: unknown keys, unparsable values, an unreadable file. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The effective configuration for {@code /autoprom}: key to value (secrets masked) and where it came from.
     * Unset optional keys are left out.
     */
    public Map<String, Map<String, String>> effective() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Setting s : table.values()) {
            Object value = values.get(s.key);
            if (value == null) {
                continue;
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("value", s.secret ? MASK : String.valueOf(value));
            entry.put("source", sources.get(s.key));
            result.put(s.key, entry);
        }
        return result;
    }
}
