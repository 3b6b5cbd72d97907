package dev.autoprom.it.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java [options] -jar JAR args...} run as a real child process, as a user would type it, with its exit
 * code, stdout and stderr kept apart. Bounded: a command that hangs is killed and fails the test.
 */
final class JarCommand {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final List<String> launcher = new ArrayList<>();
    private final List<String> javaOptions = new ArrayList<>();
    private Path jar;
    private Path directory;

    static JarCommand jar(Path jar) {
        JarCommand command = new JarCommand();
        command.jar = jar;
        return command;
    }

    /** Runs the JVM through another program first, e.g. {@code setpriv --reuid=65534 ...}. */
    JarCommand through(String... launcher) {
        this.launcher.addAll(Arrays.asList(launcher));
        return this;
    }

    JarCommand javaOption(String... options) {
        javaOptions.addAll(Arrays.asList(options));
        return this;
    }

    JarCommand in(Path directory) {
        this.directory = directory;
        return this;
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        try {
            Path out = Files.createTempFile("jar-command", ".out");
            Path err = Files.createTempFile("jar-command", ".err");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                // the test JVM's own agent settings must not reach the command's JVM
                builder.environment()
                        .keySet()
                        .removeIf(name -> name.startsWith("AUTOPROM_")
                                || name.equals("JAVA_TOOL_OPTIONS")
                                || name.equals("JDK_JAVA_OPTIONS"));
                Process process = builder.start();
                if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(command + " still running after " + LIMIT + "; stdout:\n"
                            + Files.readString(out) + "stderr:\n" + Files.readString(err));
                }
                return new Result(
                        command,
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\nstdout:\n" + stdout + "stderr:\n" + stderr;
        }
    }
}
