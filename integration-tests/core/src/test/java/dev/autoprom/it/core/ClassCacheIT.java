package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autoprom.class.cache.dir}: the first start stores what it rewrites, the next takes it from the folder
 * without running ByteBuddy's advice weaving, and records the same metrics; a folder others may write, or an
 * entry that is not intact, is refused without harm to the application.
 */
@Timeout(180)
class ClassCacheIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Loaded only when ByteBuddy inlines advice into a method: absent when every rewrite came from the cache. */
    private static final String WEAVING_CLASS = "dev.autoprom.shaded.net.bytebuddy.asm.Advice$AdviceVisitor ";
    /**
     * Loaded by ByteBuddy's matchers that take a {@code Class} (its reflection dispatchers, ~30 ms of premain):
     * the modules' matchers go by type name ({@code ArgumentMatchers}), so a start that rewrites nothing itself
     * does not load it before the application is done (the first scrape of {@code /autoprom} may, for its hook
     * checks).
     */
    private static final String LOADED_TYPE_CLASS =
            "dev.autoprom.shaded.net.bytebuddy.description.type.TypeDescription$ForLoadedType ";

    @TempDir
    Path temp;

    /** One start of the application with the cache in {@code dir}: what it recorded and said. */
    private static final class Run {
        final String output;
        final JsonNode status;
        final double serverRequests;
        final double clientRequests;

        Run(String output, JsonNode status, double serverRequests, double clientRequests) {
            this.output = output;
            this.status = status;
            this.serverRequests = serverRequests;
            this.clientRequests = clientRequests;
        }

        JsonNode cache() {
            return status.get("classCache");
        }

        /** Instrumentation name to the classes it transformed. */
        Map<String, List<String>> transformed() {
            Map<String, List<String>> classes = new TreeMap<>();
            for (JsonNode instrumentation : status.get("instrumentations")) {
                List<String> names = new ArrayList<>();
                instrumentation.get("classes").forEach(name -> names.add(name.asText()));
                if (!names.isEmpty()) {
                    classes.put(instrumentation.get("name").asText(), names);
                }
            }
            return classes;
        }
    }

    private Run start(Path dir) throws IOException {
        try (ChildJvm app = ChildJvm.main(ClassCacheApp.class)
                .agentArgs("port=0,host=127.0.0.1,class.cache.dir=" + dir)
                .jvmArg("-Xlog:class+load=info")
                .start()) {
            return recorded(app);
        }
    }

    private static Run recorded(ChildJvm app) throws IOException {
        JsonNode status = status(app);
        Scrape scrape = app.scrape();
        return new Run(
                app.output(),
                status,
                scrape.value("http_server_request_duration_seconds_count", "http_route", "/hello"),
                scrape.sum("http_client_request_duration_seconds_count"));
    }

    private static JsonNode status(ChildJvm app) throws IOException {
        app.awaitOutput("DONE", TIMEOUT);
        app.awaitOutput("serving metrics on", TIMEOUT);
        return new ObjectMapper()
                .readTree(Scrape.get("http://127.0.0.1:" + app.metricsPort() + "/autoprom")
                        .body());
    }

    /** The classes the jdbc-statement instrumentation transformed in this start. */
    private static List<String> statementClasses(JsonNode status) {
        List<String> names = new ArrayList<>();
        for (JsonNode instrumentation : status.get("instrumentations")) {
            if (instrumentation.get("name").asText().equals("jdbc-statement")) {
                instrumentation.get("classes").forEach(name -> names.add(name.asText()));
            }
        }
        return names;
    }

    /** Compiles {@code sources} (name to text) into {@code into}. */
    private static void compile(Path into, Path classPath, Map<String, String> sources) throws IOException {
        Path src = Files.createTempDirectory(into.getParent(), "src");
        List<String> arguments = new ArrayList<>(List.of("-d", into.toString(), "-cp", classPath.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        int status = javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, arguments.toArray(new String[0]));
        assertThat(status).as("javac " + arguments).isZero();
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theSecondStartTakesEveryRewriteFromTheCacheAndRecordsTheSame() throws IOException {
        Path dir = temp.resolve("cache");

        Run first = start(dir);
        assertThat(first.serverRequests).isEqualTo(3.0);
        assertThat(first.clientRequests).isEqualTo(3.0);
        assertThat(first.cache().get("hits").asInt()).isZero();
        int stored = first.cache().get("stored").asInt();
        assertThat(first.transformed()).containsKeys("jdk-httpserver", "jdk-httpclient");
        assertThat(first.output).contains(WEAVING_CLASS);
        int storedUnchanged = first.cache().get("storedUnchanged").asInt();
        assertThat(entries(dir)).hasSize(stored + storedUnchanged).isNotEmpty();
        assertThat(entries(dir))
                .anyMatch(entry -> entry.getFileName().toString().startsWith("sun.net.httpserver.HttpServerImpl."));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");

        Run second = start(dir);
        assertThat(second.serverRequests).isEqualTo(3.0);
        assertThat(second.clientRequests).isEqualTo(3.0);
        assertThat(second.cache().get("hits").asInt()).isEqualTo(stored);
        assertThat(second.cache().get("stored").asInt()).isZero();
        assertThat(second.cache().get("rejected").asInt()).isZero();
        assertThat(second.cache().get("stale").asInt()).isZero();
        assertThat(second.cache().get("unchanged").asInt()).isEqualTo(storedUnchanged);
        assertThat(second.transformed()).isEqualTo(first.transformed());
        assertThat(second.output).doesNotContain(WEAVING_CLASS);
        assertThat(second.output).contains("\nDONE\n");
        assertThat(second.output.substring(0, second.output.indexOf("\nDONE\n")))
                .doesNotContain(LOADED_TYPE_CLASS);
        assertThat(second.status.get("errors").size()).isZero();
    }

    @Test
    void anEntryThatIsNotIntactIsRewrittenAgainAndReplaced() throws IOException {
        Path dir = temp.resolve("cache");
        Run first = start(dir);
        int stored = first.cache().get("stored").asInt();
        Path damaged = entries(dir).stream()
                .filter(entry -> entry.getFileName().toString().startsWith("sun.net.httpserver.HttpServerImpl."))
                .findFirst()
                .orElseThrow();
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x55; // one flipped byte in the middle: the checksum no longer matches
        Files.write(damaged, bytes);

        Run second = start(dir);
        assertThat(second.serverRequests).isEqualTo(3.0);
        assertThat(second.clientRequests).isEqualTo(3.0);
        assertThat(second.cache().get("rejected").asInt()).isEqualTo(1);
        assertThat(second.cache().get("hits").asInt()).isEqualTo(stored - 1);
        assertThat(second.cache().get("stored").asInt()).isEqualTo(1);
        assertThat(second.transformed()).isEqualTo(first.transformed());
        assertThat(second.output).contains("ignored " + damaged + ": not an intact entry");

        Run third = start(dir);
        assertThat(third.cache().get("hits").asInt()).isEqualTo(stored);
        assertThat(third.cache().get("rejected").asInt()).isZero();
    }

    @Test
    void aFolderOthersMayWriteIsRefusedWithOneLineAndTheAgentWorksWithout() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        Run run = start(dir);
        assertThat(run.serverRequests).isEqualTo(3.0);
        assertThat(run.clientRequests).isEqualTo(3.0);
        assertThat(run.cache().isNull()).isTrue();
        assertThat(run.output)
                .containsOnlyOnce("autoprom.class.cache.dir=" + dir + " is not used: " + dir
                        + " is writable by others (mode 777); expected a folder only its owner can write");
        assertThat(entries(dir)).isEmpty();
    }

    /**
     * A class the agent left alone because of its super type is matched again when that super type changes:
     * {@code Probe extends Base} is no JDBC statement while {@code Base} is a plain class (the answer is cached),
     * and becomes one, and is instrumented, once {@code Base} implements {@code java.sql.Statement}, with
     * {@code Probe}'s own class file unchanged.
     */
    @Test
    void aDecisionIsTakenAgainWhenASuperTypeChanged() throws IOException {
        Path dir = temp.resolve("cache");
        Path classes = Files.createDirectory(temp.resolve("classes"));
        compile(
                classes,
                classes,
                Map.of(
                        "cacheprobe.Base",
                        "package cacheprobe; public abstract class Base {}",
                        "cacheprobe.Probe",
                        "package cacheprobe; public abstract class Probe extends Base {"
                                + " public boolean execute(String sql) { return true; } }"));
        String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;

        JsonNode plain = probe(dir, classPath);
        assertThat(statementClasses(plain)).doesNotContain("cacheprobe.Probe");
        assertThat(plain.get("classCache").get("storedUnchanged").asInt()).isPositive();
        assertThat(entries(dir)).anyMatch(e -> e.getFileName().toString().startsWith("cacheprobe.Probe."));

        JsonNode again = probe(dir, classPath);
        assertThat(statementClasses(again)).doesNotContain("cacheprobe.Probe");
        assertThat(again.get("classCache").get("stale").asInt()).isZero();
        assertThat(again.get("classCache").get("unchanged").asInt())
                .isEqualTo(plain.get("classCache").get("storedUnchanged").asInt());

        Path newBase = Files.createDirectory(temp.resolve("newBase"));
        compile(
                newBase,
                classes,
                Map.of(
                        "cacheprobe.Base",
                        "package cacheprobe; public abstract class Base implements java.sql.Statement {}"));
        Files.copy(
                newBase.resolve("cacheprobe/Base.class"),
                classes.resolve("cacheprobe/Base.class"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        JsonNode statement = probe(dir, classPath);
        assertThat(statementClasses(statement)).contains("cacheprobe.Probe");
        assertThat(statement.get("classCache").get("stale").asInt()).isEqualTo(1);
        assertThat(statement.get("classCache").get("stored").asInt()).isEqualTo(1);

        JsonNode cached = probe(dir, classPath);
        assertThat(statementClasses(cached)).contains("cacheprobe.Probe");
        assertThat(cached.get("classCache").get("stale").asInt()).isZero();
        // the JDK's executors are rewritten from the cache in every start; Probe now as well
        assertThat(cached.get("classCache").get("hits").asInt())
                .isEqualTo(again.get("classCache").get("hits").asInt() + 1);
    }

    private JsonNode probe(Path dir, String classPath) throws IOException {
        try (ChildJvm app = ChildJvm.main(ClassCacheProbeApp.class)
                .classpath(classPath)
                .agentArgs("port=0,host=127.0.0.1,class.cache.dir=" + dir)
                .start()) {
            return status(app);
        }
    }
}
