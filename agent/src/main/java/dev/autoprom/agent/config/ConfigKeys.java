package dev.autoprom.agent.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Every configuration key: its name, default, parser, what a valid value looks like, and whether it is secret. */
public final class ConfigKeys {

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
    /** The genai family's price table, read by {@link PriceFile}; see {@code dev.autoprom.api.TokenPrices}. */
    public static final String GENAI_PRICES_FILE = "autoprom.genai.prices.file";
    /** The methods family's list of methods to record, read by {@code ConfiguredMethods} (README, Your own metrics). */
    public static final String METHODS_FILE = "autoprom.methods.file";
    /** Where rewritten classes are kept between runs (RewrittenClassCache); empty: not kept. */
    public static final String CLASS_CACHE_DIR = "autoprom.class.cache.dir";
    /** Test only: every instrumented method also gets advice that throws (see FaultInjectionAdvice). */
    public static final String TEST_FAULT_INJECTION = "autoprom.test.fault.injection";

    private ConfigKeys() {}

    /** The table of every key. {@code instrumentationNames} are the families and libraries that have a switch. */
    static Map<String, Setting> table(Collection<String> instrumentationNames) {
        Map<String, Setting> t = new LinkedHashMap<>();
        add(t, ENABLED, "true", Parsers.BOOL, "true or false", false);
        add(t, HOST, "0.0.0.0", Parsers.HOST, "a host name or IP address to bind", false);
        add(t, PORT, "9464", Parsers.PORT, "a port number from 0 to 65535 (0 picks a free port)", false);
        add(t, METRICS_PATH, "/metrics", Parsers.PATH, "a path starting with / such as /metrics", false);
        add(t, JVM_ENABLED, "true", Parsers.BOOL, "true or false", false);
        add(t, CARDINALITY_LIMIT, "2000", Parsers.CARDINALITY_LIMIT, "an integer from 1 to 1000000", false);
        add(t, HISTOGRAM_NATIVE, "false", Parsers.BOOL, "true or false", false);
        add(
                t,
                LABELS,
                "",
                Parsers.LABELS,
                "comma-separated name=value pairs with Prometheus label names, such as service=checkout,env=prod",
                false);
        add(t, AUTH_USERNAME, "", Parsers.TEXT, "a user name", false);
        add(t, AUTH_PASSWORD, "", Parsers.TEXT, "a password", true);
        add(t, AUTH_PASSWORD_SHA256, "", Parsers.SHA256_HEX, "64 hexadecimal digits (SHA-256 of the password)", true);
        add(t, TLS_KEYSTORE_PATH, "", Parsers.TEXT, "the path of a PKCS12 keystore", false);
        add(t, TLS_KEYSTORE_PASSWORD, "", Parsers.TEXT, "the keystore's password", true);
        add(t, LOG_LEVEL, "info", Parsers.LOG_LEVEL, "one of debug, info, warn, error, off", false);
        add(t, FAIL_FAST, "false", Parsers.BOOL, "true or false", false);
        add(t, CONFIG_FILE, "", Parsers.TEXT, "the path of a properties file", false);
        add(t, GENAI_PRICES_FILE, "", Parsers.TEXT, "the path of a price file (see the README, Cost)", false);
        add(t, METHODS_FILE, "", Parsers.TEXT, "the path of a methods file (see the README, Your own metrics)", false);
        add(
                t,
                CLASS_CACHE_DIR,
                "",
                Parsers.TEXT,
                "the path of a folder only this user can write (see the README, Start-up)",
                false);
        add(t, TEST_FAULT_INJECTION, "false", Parsers.BOOL, "true or false", false);
        for (String name : new TreeSet<>(instrumentationNames)) {
            add(t, instrumentationKey(name), "", Parsers.BOOL, "true or false", false);
        }
        return t;
    }

    private static void add(
            Map<String, Setting> t, String key, String def, Setting.Parser parser, String expected, boolean secret) {
        t.put(key, new Setting(key, def, parser, expected, secret));
    }

    public static String instrumentationKey(String name) {
        return PREFIX + "instrumentation." + name + ".enabled";
    }
}
