package dev.autoprom.agent.config;

import static dev.autoprom.agent.config.ConfigKeys.AUTH_PASSWORD;
import static dev.autoprom.agent.config.ConfigKeys.AUTH_PASSWORD_SHA256;
import static dev.autoprom.agent.config.ConfigKeys.AUTH_USERNAME;
import static dev.autoprom.agent.config.ConfigKeys.CARDINALITY_LIMIT;
import static dev.autoprom.agent.config.ConfigKeys.CLASS_CACHE_DIR;
import static dev.autoprom.agent.config.ConfigKeys.CONFIG_FILE;
import static dev.autoprom.agent.config.ConfigKeys.ENABLED;
import static dev.autoprom.agent.config.ConfigKeys.FAIL_FAST;
import static dev.autoprom.agent.config.ConfigKeys.GENAI_PRICES_FILE;
import static dev.autoprom.agent.config.ConfigKeys.HISTOGRAM_NATIVE;
import static dev.autoprom.agent.config.ConfigKeys.HOST;
import static dev.autoprom.agent.config.ConfigKeys.JVM_ENABLED;
import static dev.autoprom.agent.config.ConfigKeys.LABELS;
import static dev.autoprom.agent.config.ConfigKeys.LOG_LEVEL;
import static dev.autoprom.agent.config.ConfigKeys.METHODS_FILE;
import static dev.autoprom.agent.config.ConfigKeys.METRICS_PATH;
import static dev.autoprom.agent.config.ConfigKeys.PORT;
import static dev.autoprom.agent.config.ConfigKeys.TEST_FAULT_INJECTION;
import static dev.autoprom.agent.config.ConfigKeys.TLS_KEYSTORE_PASSWORD;
import static dev.autoprom.agent.config.ConfigKeys.TLS_KEYSTORE_PATH;

import dev.autoprom.api.TokenPrices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's configuration, parsed once at start-up into typed fields and immutable afterwards.
 *
 * <p>Sources, highest first ({@link ConfigSources}): agent arguments
 * ({@code -javaagent:autoprom-agent.jar=port=9464,host=127.0.0.1}, keys with or without the {@code autoprom.}
 * prefix), system properties, environment variables ({@code AUTOPROM_PORT}), the properties file named by
 * {@code autoprom.config.file}, defaults ({@link ConfigKeys}). A value that does not parse is reported (key,
 * value, source, what was expected) and the default is used; unknown {@code autoprom.*} keys are reported with
 * the nearest known key. {@link #problems()} lists every such report, so that {@code autoprom.fail.fast=true}
 * can refuse to start.
 */
public final class AgentConfig {

    private static final String MASK = "********";

    private final boolean enabled;
    private final String host;
    private final int port;
    private final String metricsPath;
    private final boolean jvmEnabled;
    private final int cardinalityLimit;
    private final boolean nativeHistograms;
    private final Map<String, String> labels;
    private final String authUsername;
    private final String authPassword;
    private final String authPasswordSha256;
    private final String keystorePath;
    private final String keystorePassword;
    private final String logLevel;
    private final boolean failFast;
    private final boolean faultInjection;
    private final TokenPrices tokenPrices;
    private final String methodsFile;
    private final String classCacheDir;
    /** Instrumentation switches that were set: key to value. */
    private final Map<String, Boolean> switches;

    private final Map<String, Map<String, String>> effective;
    private final List<String> problems;

    @SuppressWarnings("unchecked")
    private AgentConfig(
            Map<String, Setting> table,
            Map<String, Object> values,
            Map<String, String> sources,
            TokenPrices tokenPrices,
            List<String> problems) {
        // the one place the parsed values are cast: each key's parser (ConfigKeys) makes exactly this type
        this.enabled = (Boolean) values.get(ENABLED);
        this.host = (String) values.get(HOST);
        this.port = (Integer) values.get(PORT);
        this.metricsPath = (String) values.get(METRICS_PATH);
        this.jvmEnabled = (Boolean) values.get(JVM_ENABLED);
        this.cardinalityLimit = (Integer) values.get(CARDINALITY_LIMIT);
        this.nativeHistograms = (Boolean) values.get(HISTOGRAM_NATIVE);
        Map<String, String> parsedLabels = (Map<String, String>) values.get(LABELS);
        this.labels = parsedLabels == null ? Collections.emptyMap() : parsedLabels;
        this.authUsername = (String) values.get(AUTH_USERNAME);
        this.authPassword = (String) values.get(AUTH_PASSWORD);
        this.authPasswordSha256 = (String) values.get(AUTH_PASSWORD_SHA256);
        this.keystorePath = (String) values.get(TLS_KEYSTORE_PATH);
        this.keystorePassword = (String) values.get(TLS_KEYSTORE_PASSWORD);
        this.logLevel = (String) values.get(LOG_LEVEL);
        this.failFast = (Boolean) values.get(FAIL_FAST);
        this.faultInjection = (Boolean) values.get(TEST_FAULT_INJECTION);
        this.tokenPrices = tokenPrices;
        this.methodsFile = (String) values.get(METHODS_FILE);
        this.classCacheDir = (String) values.get(CLASS_CACHE_DIR);
        Map<String, Boolean> set = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof Boolean
                    && e.getKey().endsWith(".enabled")
                    && e.getKey().startsWith(ConfigKeys.PREFIX + "instrumentation.")) {
                set.put(e.getKey(), (Boolean) e.getValue());
            }
        }
        this.switches = Collections.unmodifiableMap(set);
        this.effective = Collections.unmodifiableMap(effective(table, values, sources));
        this.problems = Collections.unmodifiableList(problems);
    }

    /** Parses every source. Never throws: problems are collected in {@link #problems()}. */
    public static AgentConfig load(
            String agentArgs,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            Collection<String> instrumentationNames) {
        Map<String, Setting> table = ConfigKeys.table(instrumentationNames);
        List<String> problems = new ArrayList<>();
        Map<String, String> args = ConfigSources.agentArguments(agentArgs, table, problems);
        Map<String, String> sys = ConfigSources.systemProperties(systemProperties);
        Map<String, String> env = ConfigSources.environment(environment, table, problems);

        Map<String, String> file = Collections.emptyMap();
        String fileName = ConfigSources.first(CONFIG_FILE, args, sys, env);
        if (fileName != null && !fileName.trim().isEmpty()) {
            file = ConfigSources.file(fileName.trim(), problems);
        }

        ConfigSources.reportUnknown(args.keySet(), "agent argument", table, problems);
        ConfigSources.reportUnknown(sys.keySet(), "system property", table, problems);
        ConfigSources.reportUnknown(file.keySet(), "file " + fileName, table, problems);

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
        // read here, with the rest of the configuration, so that its problems count for autoprom.fail.fast too
        String pricesFile = (String) values.get(GENAI_PRICES_FILE);
        TokenPrices prices = pricesFile == null || pricesFile.trim().isEmpty()
                ? TokenPrices.NONE
                : PriceFile.read(pricesFile.trim(), problems);
        return new AgentConfig(table, values, sources, prices, problems);
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

    /** Key to value (secrets masked) and where it came from; unset optional keys are left out. */
    private static Map<String, Map<String, String>> effective(
            Map<String, Setting> table, Map<String, Object> values, Map<String, String> sources) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Setting s : table.values()) {
            Object value = values.get(s.key);
            if (value == null) {
                continue;
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("value", s.secret ? MASK : String.valueOf(value));
            entry.put("source", sources.get(s.key));
            result.put(s.key, Collections.unmodifiableMap(entry));
        }
        return result;
    }

    public boolean enabled() {
        return enabled;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String metricsPath() {
        return metricsPath;
    }

    public boolean jvmEnabled() {
        return jvmEnabled;
    }

    public int cardinalityLimit() {
        return cardinalityLimit;
    }

    public boolean nativeHistograms() {
        return nativeHistograms;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public String authUsername() {
        return authUsername;
    }

    public String authPassword() {
        return authPassword;
    }

    public String authPasswordSha256() {
        return authPasswordSha256;
    }

    public String keystorePath() {
        return keystorePath;
    }

    public String keystorePassword() {
        return keystorePassword;
    }

    public String logLevel() {
        return logLevel;
    }

    public boolean failFast() {
        return failFast;
    }

    public boolean faultInjection() {
        return faultInjection;
    }

    /** {@code autoprom.methods.file}; empty without one. */
    public String methodsFile() {
        return methodsFile == null ? "" : methodsFile;
    }

    /** {@code autoprom.class.cache.dir}; empty without one (no class cache). */
    public String classCacheDir() {
        return classCacheDir == null ? "" : classCacheDir;
    }

    /** The genai price table of {@code autoprom.genai.prices.file}; {@link TokenPrices#NONE} without one. */
    public TokenPrices tokenPrices() {
        return tokenPrices;
    }

    /**
     * Whether an instrumentation is on: its own switch if set, else its family's switch if set, else its
     * default.
     */
    public boolean instrumentationEnabled(String family, String name, boolean enabledByDefault) {
        Boolean own = switches.get(ConfigKeys.instrumentationKey(name));
        if (own != null) {
            return own;
        }
        Boolean familySwitch = switches.get(ConfigKeys.instrumentationKey(family));
        return familySwitch != null ? familySwitch : enabledByDefault;
    }

    /** Every problem found while loading: unknown keys, unparsable values, an unreadable file. */
    public List<String> problems() {
        return problems;
    }

    /** The effective configuration for {@code /autoprom}: key to value (secrets masked) and its source. */
    public Map<String, Map<String, String>> effective() {
        return effective;
    }
}
