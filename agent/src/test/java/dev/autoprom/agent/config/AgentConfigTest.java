package dev.autoprom.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key, from every source: a valid value is taken, an invalid one is reported and the default used. */
class AgentConfigTest {

    private static final Set<String> NAMES = Set.of("http", "jdbc", "websocket", "genai", "servlet", "hikaricp");

    @TempDir
    static Path tmp;

    /** key, a valid text, what the accessor returns for it, an invalid text (null: every text is valid). */
    static Stream<Key> keys() {
        return Stream.of(
                row("autoprom.enabled", "false", c -> c.enabled(), false, "maybe"),
                row("autoprom.host", "127.0.0.1", AgentConfig::host, "127.0.0.1", "bad host"),
                row("autoprom.port", "19555", AgentConfig::port, 19555, "70000"),
                row("autoprom.metrics.path", "/prom", AgentConfig::metricsPath, "/prom", "metrics"),
                row("autoprom.jvm.enabled", "false", c -> c.jvmEnabled(), false, "no"),
                row("autoprom.cardinality.limit", "50", AgentConfig::cardinalityLimit, 50, "0"),
                row("autoprom.histogram.native", "true", c -> c.nativeHistograms(), true, "yes"),
                row(
                        "autoprom.labels",
                        "service=checkout,env=prod",
                        AgentConfig::labels,
                        Map.of("service", "checkout", "env", "prod"),
                        "service"),
                row("autoprom.auth.username", "scraper", AgentConfig::authUsername, "scraper", null),
                row("autoprom.auth.password", "s3cret", AgentConfig::authPassword, "s3cret", null),
                row(
                        "autoprom.auth.password.sha256",
                        "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b",
                        AgentConfig::authPasswordSha256,
                        "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b",
                        "abc"),
                row("autoprom.tls.keystore.path", "/etc/ks.p12", AgentConfig::keystorePath, "/etc/ks.p12", null),
                row("autoprom.tls.keystore.password", "changeit", AgentConfig::keystorePassword, "changeit", null),
                row("autoprom.log.level", "DEBUG", AgentConfig::logLevel, "debug", "verbose"),
                row("autoprom.fail.fast", "true", c -> c.failFast(), true, "1"),
                row(
                        "autoprom.instrumentation.servlet.enabled",
                        "false",
                        c -> c.instrumentationEnabled("http", "servlet", true),
                        false,
                        "off"),
                row(
                        "autoprom.instrumentation.jdbc.enabled",
                        "false",
                        c -> c.instrumentationEnabled("jdbc", "hikaricp", true),
                        false,
                        "off"));
    }

    private static Key row(
            String key, String valid, Function<AgentConfig, Object> accessor, Object expected, String invalid) {
        return new Key(key, valid, accessor, expected, invalid);
    }

    /** One row of {@link #keys()}; named by its key in the test names. */
    static final class Key {
        final String key;
        final String valid;
        final Function<AgentConfig, Object> accessor;
        final Object expected;
        final String invalid;

        Key(String key, String valid, Function<AgentConfig, Object> accessor, Object expected, String invalid) {
            this.key = key;
            this.valid = valid;
            this.accessor = accessor;
            this.expected = expected;
            this.invalid = invalid;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    enum Source {
        ARGUMENT,
        SYSTEM_PROPERTY,
        ENVIRONMENT,
        FILE
    }

    static Stream<Arguments> keysBySource() {
        List<Arguments> all = new ArrayList<>();
        keys().forEach(k -> {
            for (Source s : Source.values()) {
                all.add(Arguments.of(s, k));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("keysBySource")
    void validValueIsTakenFromEverySource(Source source, Key k) throws Exception {
        AgentConfig config = load(source, k.key, k.valid);
        assertThat(config.problems()).isEmpty();
        assertThat(k.accessor.apply(config)).isEqualTo(k.expected);
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("keysBySource")
    void invalidValueNamesKeyValueAndExpectationThenUsesDefault(Source source, Key k) throws Exception {
        if (k.invalid == null) {
            return; // free text: nothing is invalid
        }
        AgentConfig config = load(source, k.key, k.invalid);
        AgentConfig defaults = AgentConfig.load(null, Map.of(), Map.of(), NAMES);
        assertThat(config.problems()).hasSize(1);
        String problem = config.problems().get(0);
        assertThat(problem).contains(k.key).contains("expected").contains("default");
        if (!k.key.contains("password")) {
            assertThat(problem).contains("'" + k.invalid + "'");
        }
        assertThat(k.accessor.apply(config)).isEqualTo(k.accessor.apply(defaults));
    }

    private static AgentConfig load(Source source, String key, String text) throws Exception {
        String envName = key.toUpperCase().replace('.', '_');
        switch (source) {
            case ARGUMENT:
                return AgentConfig.load(key.substring("autoprom.".length()) + "=" + text, Map.of(), Map.of(), NAMES);
            case SYSTEM_PROPERTY:
                return AgentConfig.load(null, Map.of(key, text), Map.of(), NAMES);
            case ENVIRONMENT:
                return AgentConfig.load(null, Map.of(), Map.of(envName, text), NAMES);
            default:
                Path file = Files.createTempFile(tmp, "autoprom", ".properties");
                Files.writeString(file, key + "=" + text.replace("\\", "\\\\") + "\n");
                return AgentConfig.load(null, Map.of("autoprom.config.file", file.toString()), Map.of(), NAMES);
        }
    }

    @Test
    void defaultsMatchTheDesignTable() {
        AgentConfig c = AgentConfig.load(null, Map.of(), Map.of(), NAMES);
        assertThat(c.problems()).isEmpty();
        assertThat(c.enabled()).isTrue();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(9464);
        assertThat(c.metricsPath()).isEqualTo("/metrics");
        assertThat(c.jvmEnabled()).isTrue();
        assertThat(c.cardinalityLimit()).isEqualTo(2000);
        assertThat(c.nativeHistograms()).isFalse();
        assertThat(c.labels()).isEmpty();
        assertThat(c.authUsername()).isNull();
        assertThat(c.logLevel()).isEqualTo("info");
        assertThat(c.failFast()).isFalse();
        assertThat(c.instrumentationEnabled("http", "servlet", true)).isTrue();
        assertThat(c.instrumentationEnabled("http", "servlet", false)).isFalse();
    }

    @Test
    void precedenceIsArgumentsThenSystemPropertiesThenEnvironmentThenFileThenDefault() throws Exception {
        Path file = Files.createTempFile(tmp, "precedence", ".properties");
        Files.writeString(
                file,
                "autoprom.port=4\nautoprom.host=file-host\nautoprom.metrics.path=/file\n"
                        + "autoprom.log.level=error\n");
        Map<String, String> sys =
                Map.of("autoprom.port", "2", "autoprom.host", "sys-host", "autoprom.config.file", file.toString());
        Map<String, String> env =
                Map.of("AUTOPROM_PORT", "3", "AUTOPROM_HOST", "env-host", "AUTOPROM_METRICS_PATH", "/env");
        AgentConfig c = AgentConfig.load("port=1", sys, env, NAMES);
        assertThat(c.problems()).isEmpty();
        assertThat(c.port()).isEqualTo(1);
        assertThat(c.host()).isEqualTo("sys-host");
        assertThat(c.metricsPath()).isEqualTo("/env");
        assertThat(c.logLevel()).isEqualTo("error");
        assertThat(c.cardinalityLimit()).isEqualTo(2000);
        assertThat(c.effective().get("autoprom.port")).containsEntry("source", "agent argument");
        assertThat(c.effective().get("autoprom.host")).containsEntry("source", "system property");
        assertThat(c.effective().get("autoprom.metrics.path"))
                .containsEntry("source", "environment variable AUTOPROM_METRICS_PATH");
        assertThat(c.effective().get("autoprom.log.level")).containsEntry("source", "file " + file);
        assertThat(c.effective().get("autoprom.cardinality.limit")).containsEntry("source", "default");
    }

    @Test
    void unknownKeysAreReportedWithTheNearestKnownKey() {
        Map<String, String> sys = new HashMap<>();
        sys.put("autoprom.prot", "1");
        AgentConfig c = AgentConfig.load("hots=1.2.3.4", sys, Map.of("AUTOPROM_LOG_LEVL", "debug"), NAMES);
        assertThat(c.problems())
                .containsExactlyInAnyOrder(
                        "unknown setting autoprom.hots (agent argument); did you mean autoprom.host?",
                        "unknown setting autoprom.prot (system property); did you mean autoprom.port?",
                        "unknown environment variable AUTOPROM_LOG_LEVL; did you mean AUTOPROM_LOG_LEVEL?");
    }

    @Test
    void labelsInAgentArgumentsMayContainCommas() {
        AgentConfig c = AgentConfig.load("labels=service=checkout,env=prod,port=0", Map.of(), Map.of(), NAMES);
        assertThat(c.problems()).isEmpty();
        assertThat(c.labels()).containsExactly(Map.entry("service", "checkout"), Map.entry("env", "prod"));
        assertThat(c.port()).isZero();
    }

    @Test
    void secretsAreMaskedInTheEffectiveConfigurationAndInProblems() {
        AgentConfig c = AgentConfig.load(
                "auth.username=u,auth.password=hunter2,tls.keystore.password=changeit",
                Map.of("autoprom.auth.password.sha256", "hunter2"),
                Map.of(),
                NAMES);
        assertThat(c.effective().get("autoprom.auth.password")).containsEntry("value", "********");
        assertThat(c.effective().get("autoprom.tls.keystore.password")).containsEntry("value", "********");
        assertThat(c.effective().toString()).doesNotContain("hunter2").doesNotContain("changeit");
        assertThat(String.join("\n", c.problems())).doesNotContain("hunter2").contains("autoprom.auth.password.sha256");
    }

    @Test
    void unreadableFileIsReportedAndIgnored() {
        AgentConfig c = AgentConfig.load(
                null,
                Map.of("autoprom.config.file", "/nonexistent/autoprom.properties", "autoprom.port", "5"),
                Map.of(),
                NAMES);
        assertThat(c.problems())
                .singleElement()
                .asString()
                .contains("autoprom.config.file=/nonexistent/autoprom.properties")
                .contains("expected");
        assertThat(c.port()).isEqualTo(5);
    }

    @Test
    void libraryAndFamilySwitches() {
        AgentConfig familyOff = AgentConfig.load("instrumentation.http.enabled=false", Map.of(), Map.of(), NAMES);
        assertThat(familyOff.instrumentationEnabled("http", "servlet", true)).isFalse();
        assertThat(familyOff.instrumentationEnabled("jdbc", "hikaricp", true)).isTrue();
        AgentConfig libraryBackOn = AgentConfig.load(
                "instrumentation.http.enabled=false,instrumentation.servlet.enabled=true", Map.of(), Map.of(), NAMES);
        assertThat(libraryBackOn.instrumentationEnabled("http", "servlet", true))
                .isTrue();
    }
}
