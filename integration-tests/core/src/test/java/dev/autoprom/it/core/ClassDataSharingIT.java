package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentJar;
import dev.autoprom.it.harness.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application's class-data sharing archive with the agent attached. The agent appends its jar to the
 * bootstrap search path at start-up unless the JVM has it on {@code -Xbootclasspath/a} already; an append at run
 * time makes the JVM share boot loader classes only, a boot class path on the command line is part of what the
 * archive records. Proven here with a static AppCDS archive made the documented way (a class list from a
 * training run with the agent, then {@code -Xshare:dump}, no agent in the dump), on 17 and 25 alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDataSharingIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String NOT_SHARED_WARNING = "Sharing is only supported for boot loader classes";

    private Path appJar;
    private Path archive;
    private Path appArchive;
    private String bootClassPath;

    @BeforeAll
    void makeTheArchive() throws Exception {
        Path dir = Files.createTempDirectory("autoprom-cds");
        appJar = dir.resolve("cds-app.jar");
        archive = dir.resolve("app-and-agent.jsa");
        appArchive = dir.resolve("app.jsa");
        Path classList = dir.resolve("app.classlist");
        bootClassPath = "-Xbootclasspath/a:" + AgentJar.path();
        writeAppJar(appJar);

        try (ChildJvm training = app().jvmArg(bootClassPath)
                .jvmArg("-XX:DumpLoadedClassList=" + classList)
                .start()) {
            assertThat(training.awaitExit(TIMEOUT)).as(training.output()).isZero();
            assertThat(training.output()).contains("CDS APP DONE").contains("serving metrics on");
        }
        List<String> loaded = Files.readAllLines(classList);
        assertThat(loaded)
                .as("the class list names the agent's classes and the application's")
                .anyMatch(line -> line.startsWith("dev/autoprom/agent/AgentMain"))
                .anyMatch(line -> line.startsWith("dev/autoprom/it/core/CdsApp"));
        // only the classes the tests look at (and their super types, which the dump adds): a dump of the whole
        // list takes a minute and a half on a loaded 2-core machine, and proves nothing more
        Path someClasses = dir.resolve("some.classlist");
        Files.write(
                someClasses,
                loaded.stream()
                        .filter(line -> line.startsWith("dev/autoprom/it/core/CdsApp")
                                || line.equals("dev/autoprom/agent/AgentMain")
                                || line.startsWith("dev/autoprom/agent/AgentMain id:"))
                        .collect(Collectors.toList()));

        dump(someClasses, archive, true);
        // the application's own archive, made without the agent: what a user has before adding it
        Path appClasses = dir.resolve("app-only.classlist");
        Files.write(
                appClasses,
                loaded.stream()
                        .filter(line -> line.startsWith("dev/autoprom/it/core/CdsApp"))
                        .collect(Collectors.toList()));
        dump(appClasses, appArchive, false);
    }

    private void dump(Path classList, Path into, boolean withAgentOnBootClassPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + into));
        if (withAgentOnBootClassPath) {
            command.add(bootClassPath);
        }
        command.addAll(List.of("-cp", appJar.toString()));
        Process dump = new ProcessBuilder(command).redirectErrorStream(true).start();
        String dumpOutput = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(dumpOutput).isZero();
        assertThat(into).isRegularFile();
    }

    @Test
    void withTheAgentOnTheBootClassPathTheApplicationAndTheAgentClassesAreShared() {
        String output = run(archive, bootClassPath);
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .doesNotContain(NOT_SHARED_WARNING);
        assertThat(output)
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: shared objects file")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp\\$Greeting source: shared objects file")
                .containsPattern("dev\\.autoprom\\.agent\\.AgentMain source: shared objects file");
    }

    /**
     * The default (-javaagent alone) with the application's own archive: the jar is appended at run time and the
     * application's classes are not shared.
     */
    @Test
    void appendedAtRunTimeTheJvmSharesBootLoaderClassesOnly() {
        String output = run(appArchive, null);
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .contains(NOT_SHARED_WARNING);
        assertThat(output)
                .doesNotContainPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: shared objects file")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: file:");
    }

    private String run(Path sharedArchive, String extraJvmArg) {
        ChildJvm.Builder builder =
                app().jvmArg("-XX:SharedArchiveFile=" + sharedArchive).jvmArg("-Xlog:class+load=info");
        if (extraJvmArg != null) {
            builder.jvmArg(extraJvmArg);
        }
        try (ChildJvm app = builder.start()) {
            assertThat(app.awaitExit(TIMEOUT)).as(app.output()).isZero();
            return app.output();
        }
    }

    private ChildJvm.Builder app() {
        return ChildJvm.main(CdsApp.class).classpath(appJar.toString()).agentArgs("port=0");
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void writeAppJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : List.of(CdsApp.class, CdsApp.Greeting.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
