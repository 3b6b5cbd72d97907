package dev.autoprom.it.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM started for one scenario: the given main class on the test's class path (or another), with
 * {@code -javaagent:} the built agent jar and the given agent arguments and properties. Its stdout and stderr are
 * captured into one log. Use it in try-with-resources: {@link #close()} always kills it.
 *
 * <pre>
 * try (ChildJvm app = ChildJvm.main(PlainApp.class).agentArgs("port=0").start()) {
 *     Scrape scrape = Scrape.port(app.metricsPort());
 * }
 * </pre>
 */
public final class ChildJvm implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving metrics on https?://[^:]+:(\\d+)/");

    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static Builder main(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    public static Builder main(String mainClass) {
        return new Builder(mainClass);
    }

    private void readOutput() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    /** Everything the JVM printed so far (stdout and stderr). */
    public String output() {
        return log.toString();
    }

    /** Waits until the output contains a match for {@code regex}; returns the match. */
    public Matcher awaitOutput(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(log);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                m = pattern.matcher(log);
                if (m.find()) {
                    return m;
                }
                throw new AssertionError("child JVM exited with " + process.exitValue() + " before printing /" + regex
                        + "/; output:\n" + log);
            }
            sleep(20);
        }
        throw new AssertionError("child JVM did not print /" + regex + "/ within " + timeout + "; output:\n" + log);
    }

    /** The exporter's port, from the agent's "serving metrics on" line. */
    public int metricsPort() {
        return Integer.parseInt(
                awaitOutput(SERVING.pattern(), Duration.ofSeconds(30)).group(1));
    }

    /** Scrapes this JVM's agent. */
    public Scrape scrape() {
        return Scrape.port(metricsPort());
    }

    /** Waits for the JVM to exit by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("child JVM still running after " + timeout + "; output:\n" + log);
            }
            reader.join(5000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How to start the child JVM. */
    public static final class Builder {
        private final String mainClass;
        private String classpath = System.getProperty("java.class.path");
        private String agentArgs = "port=0";
        private boolean withAgent = true;
        private Path javaHome = Paths.get(System.getProperty("java.home"));
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> programArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        /** Agent arguments after {@code =}; default {@code port=0} (a free port, read from the log). */
        public Builder agentArgs(String args) {
            this.agentArgs = args;
            return this;
        }

        /** Starts the JVM without the agent, for baselines. */
        public Builder withoutAgent() {
            this.withAgent = false;
            return this;
        }

        public Builder property(String name, String value) {
            jvmArgs.add("-D" + name + "=" + value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Another JDK, e.g. Temurin 25 from {@code JAVA_HOME}-style paths. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public Builder args(String... args) {
            programArgs.addAll(List.of(args));
            return this;
        }

        public ChildJvm start() {
            List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            if (withAgent) {
                String agent = "-javaagent:" + AgentJar.path();
                command.add(agentArgs == null || agentArgs.isEmpty() ? agent : agent + "=" + agentArgs);
            }
            // a CDS archive the JVM cannot map is skipped, not fatal; JDK 25 refuses -Xshare with its AOT options
            if (jvmArgs.stream().noneMatch(arg -> arg.startsWith("-XX:AOT"))) {
                command.add("-Xshare:auto");
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(programArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // a child must not inherit the agent settings of the test JVM's environment
            builder.environment()
                    .keySet()
                    .removeIf(name -> name.startsWith("AUTOPROM_")
                            || name.equals("JAVA_TOOL_OPTIONS")
                            || name.equals("JDK_JAVA_OPTIONS"));
            builder.environment().putAll(environment);
            try {
                return new ChildJvm(builder.start());
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + command + ": " + e, e);
            }
        }
    }
}
