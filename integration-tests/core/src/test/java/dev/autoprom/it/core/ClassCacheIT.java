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
            app.awaitOutput("DONE", TIMEOUT);
            app.awaitOutput("serving metrics on", TIMEOUT);
            Scrape scrape = app.scrape();
            String status = Scrape.get("http://127.0.0.1:" + app.metricsPort() + "/autoprom")
                    .body();
            return new Run(
                    app.output(),
                    new ObjectMapper().readTree(status),
                    scrape.value("http_server_request_duration_seconds_count", "http_route", "/hello"),
                    scrape.sum("http_client_request_duration_seconds_count"));
        }
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
        assertThat(entries(dir)).hasSize(stored).isNotEmpty();
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
        assertThat(second.transformed()).isEqualTo(first.transformed());
        assertThat(second.output).doesNotContain(WEAVING_CLASS);
        assertThat(second.status.get("errors").size()).isZero();
    }

    @Test
    void anEntryThatIsNotIntactIsRewrittenAgainAndReplaced() throws IOException {
        Path dir = temp.resolve("cache");
        Run first = start(dir);
        int stored = first.cache().get("stored").asInt();
        Path damaged = entries(dir).get(0);
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
}
