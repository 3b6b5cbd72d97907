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
import java.nio.file.StandardCopyOption;
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
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The application's class-data sharing archive with the agent attached by {@code -javaagent} alone. The jar's
 * manifest names it in {@code Boot-Class-Path}, so the JVM puts it on the boot class path at start-up, as {@code
 * -Xbootclasspath/a} would, and nothing is appended at run time (which would make the JVM share boot loader classes
 * only). Proven with a static AppCDS archive made the documented way (a class list from a training run with the
 * agent, then {@code -Xshare:dump} with the jar on {@code -Xbootclasspath/a}, since the dump starts no agent) on 17
 * and 25, and on 25 with an AOT cache made in two steps; and each way to lose the archive says so in one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassDataSharingIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String NOT_SHARED_WARNING = "Sharing is only supported for boot loader classes";

    private Path dir;
    private Path appJar;
    private Path archive;
    private Path appArchive;
    private String bootClassPath;

    @BeforeAll
    void makeTheArchive() throws Exception {
        dir = Files.createTempDirectory("autoprom-cds");
        appJar = dir.resolve("cds-app.jar");
        archive = dir.resolve("app-and-agent.jsa");
        appArchive = dir.resolve("app.jsa");
        Path classList = dir.resolve("app.classlist");
        bootClassPath = "-Xbootclasspath/a:" + AgentJar.path();
        writeAppJar(appJar);

        try (ChildJvm training =
                app().jvmArg("-XX:DumpLoadedClassList=" + classList).start()) {
            assertThat(training.awaitExit(TIMEOUT)).as(training.output()).isZero();
            assertThat(training.output())
                    .contains("CDS APP DONE")
                    .contains("serving metrics on")
                    .doesNotContain(NOT_SHARED_WARNING);
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
        runToEnd(command);
        assertThat(into).isRegularFile();
    }

    @Test
    void withTheAgentAloneTheApplicationAndTheAgentClassesAreShared() {
        String output = run(app().jvmArg("-XX:SharedArchiveFile=" + archive));
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .doesNotContain(NOT_SHARED_WARNING)
                .doesNotContain("[autoprom] WARN");
        assertThat(output)
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: shared objects file")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp\\$Greeting source: shared objects file")
                .containsPattern("dev\\.autoprom\\.agent\\.AgentMain source: shared objects file");
    }

    /** The application's archive from before the agent: the JVM refuses it, and the agent says what to do. */
    @Test
    void anArchiveMadeWithoutTheAgentIsNamedInOneLine() {
        String output = run(app().jvmArg("-XX:SharedArchiveFile=" + appArchive));
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .contains("[autoprom] WARN the JVM is not using the class-data sharing archive of"
                        + " -XX:SharedArchiveFile=" + appArchive + ": an archive made without the agent does not"
                        + " match a JVM that has the agent on its boot class path; make it again with -javaagent:"
                        + AgentJar.path() + " attached (README, \"Class-data sharing\")")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: file:");
    }

    /** The old way (the jar on -Xbootclasspath/a as well) puts it there twice, which no archive matches. */
    @Test
    void theJarAlsoOnTheBootClassPathFlagIsNamedAsADuplicate() {
        String output = run(app().jvmArg("-XX:SharedArchiveFile=" + archive).jvmArg(bootClassPath));
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("[autoprom] WARN the agent jar is on the boot class path twice, from -Xbootclasspath/a"
                        + " and from its manifest's Boot-Class-Path")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: file:");
    }

    /**
     * A renamed jar misses its manifest's Boot-Class-Path: the agent appends it at run time, works, and says that
     * this costs the application's archive.
     */
    @Test
    void aRenamedJarIsAppendedAtRunTimeAndSaysSo() throws Exception {
        Path renamed = Files.createDirectories(dir.resolve("renamed")).resolve("autoprom-1.0.jar");
        Files.copy(AgentJar.path(), renamed, StandardCopyOption.REPLACE_EXISTING);
        // the JDK's own archive: an application archive made with the jar elsewhere would not match anyway
        String output = run(app().withoutAgent().jvmArg("-javaagent:" + renamed + "=port=0"));
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .contains(NOT_SHARED_WARNING)
                .contains("[autoprom] INFO the agent jar is named autoprom-1.0.jar, not autoprom-agent.jar as its"
                        + " manifest's Boot-Class-Path expects, so it was added to the boot class path at run time")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: file:");
    }

    /**
     * JDK 25's AOT cache in the two documented steps: recorded with the agent attached, created with the jar on
     * -Xbootclasspath/a (the creation step starts no agent), then used with -javaagent alone. A one-step
     * -XX:AOTCacheOutput without the jar for its creation step cannot work, and its training run says so.
     */
    @Test
    @EnabledForJreRange(min = JRE.JAVA_25)
    void onJdk25AnAotCacheMadeInTwoStepsIsUsedWithTheAgentAlone() throws Exception {
        Path configuration = dir.resolve("app.aotconf");
        Path cache = dir.resolve("app.aot");
        try (ChildJvm recording = app().jvmArg("-XX:AOTMode=record")
                .jvmArg("-XX:AOTConfiguration=" + configuration)
                .start()) {
            assertThat(recording.awaitExit(TIMEOUT)).as(recording.output()).isZero();
            assertThat(recording.output()).contains("CDS APP DONE").doesNotContain("[autoprom] WARN");
        }
        runToEnd(List.of(
                java(),
                "-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + configuration,
                "-XX:AOTCache=" + cache,
                bootClassPath,
                // starts no agent, but makes the java.instrument module part of the cache as it is of the run
                "-javaagent:" + AgentJar.path(),
                "-cp",
                appJar.toString()));
        String output = run(app().jvmArg("-XX:AOTCache=" + cache));
        assertThat(output)
                .contains("CDS APP DONE")
                .contains("serving metrics on")
                .doesNotContain(NOT_SHARED_WARNING)
                .doesNotContain("[autoprom] WARN")
                .doesNotContain("Mismatched values for property jdk.module.addmods")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: shared objects file")
                .containsPattern("dev\\.autoprom\\.agent\\.AgentMain source: shared objects file");

        try (ChildJvm oneStep =
                app().jvmArg("-XX:AOTCacheOutput=" + dir.resolve("no-jar.aot")).start()) {
            oneStep.awaitExit(TIMEOUT);
            assertThat(oneStep.output())
                    .contains("CDS APP DONE")
                    .contains("[autoprom] WARN AOT cache training: the creation step of -XX:AOTCacheOutput starts no"
                            + " agent");
        }
    }

    /** The one-step way, with the jar given to its creation step alone (JDK_AOT_VM_OPTIONS). */
    @Test
    @EnabledForJreRange(min = JRE.JAVA_25)
    void onJdk25AnAotCacheMadeInOneStepIsUsedWhenItsCreationStepHasTheJar() throws Exception {
        Path cache = dir.resolve("one-step.aot");
        try (ChildJvm training = app().jvmArg("-XX:AOTCacheOutput=" + cache)
                .env("JDK_AOT_VM_OPTIONS", bootClassPath)
                .start()) {
            assertThat(training.awaitExit(TIMEOUT)).as(training.output()).isZero();
            assertThat(training.output())
                    .contains("CDS APP DONE")
                    .contains("AOTCache creation is complete")
                    .doesNotContain("[autoprom] WARN");
        }
        String output = run(app().jvmArg("-XX:AOTCache=" + cache));
        assertThat(output)
                .contains("CDS APP DONE")
                .doesNotContain(NOT_SHARED_WARNING)
                .doesNotContain("[autoprom] WARN")
                .doesNotContain("Mismatched values")
                .containsPattern("dev\\.autoprom\\.it\\.core\\.CdsApp source: shared objects file")
                .containsPattern("dev\\.autoprom\\.agent\\.AgentMain source: shared objects file");
    }

    private String run(ChildJvm.Builder builder) {
        try (ChildJvm app = builder.jvmArg("-Xlog:class+load=info").start()) {
            assertThat(app.awaitExit(TIMEOUT)).as(app.output()).isZero();
            return app.output();
        }
    }

    private static String runToEnd(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
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
