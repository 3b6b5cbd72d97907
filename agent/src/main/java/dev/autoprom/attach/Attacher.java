package dev.autoprom.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.autoprom.agent.AgentStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Properties;

/**
 * {@code attach PID [key=value,...]} once the PID has passed {@link TargetProcess}'s checks: connects, reads the
 * target's {@link AgentStatus} (an agent already there is reported and left alone), loads this jar with the
 * arguments, then waits for the agent to report its exporter. Only the attach API's own calls reach the target:
 * reading its properties and one {@code loadAgent}.
 */
final class Attacher {

    /** How long the agent gets, after it is loaded, to report its exporter listening (it starts in the background). */
    static final long EXPORTER_WAIT_MILLIS = 15_000;

    private static final long POLL_MILLIS = 100;
    private static final int MIN_JAVA = 11;

    private final TargetProcess target;
    private final String arguments;
    private final Watchdog watchdog;
    private final PrintStream out;

    Attacher(TargetProcess target, String arguments, Watchdog watchdog, PrintStream out) {
        this.target = target;
        this.arguments = arguments;
        this.watchdog = watchdog;
        this.out = out;
    }

    void run() throws AttachFailure {
        long pid = target.pid();
        watchdog.step("connecting to process " + pid);
        VirtualMachine vm = connect(pid);
        try {
            watchdog.step("reading the system properties of process " + pid);
            Properties properties = vm.getSystemProperties();
            requireJavaVersion(properties);
            AgentStatus present = AgentStatus.parse(properties.getProperty(AgentStatus.PROPERTY));
            // a disabled agent, or one that stopped at its configuration, did nothing: loading it again re-reads the
            // configuration with these arguments. Any other state is a running agent, which ignores a second load
            if (present != null
                    && !AgentStatus.DISABLED.equals(present.state())
                    && !AgentStatus.NOT_STARTED.equals(present.state())) {
                reportRunning(vm, present);
                return;
            }
            watchdog.step("loading the agent into process " + pid + " (it retransforms the classes already loaded)");
            load(vm);
            AgentStatus status = awaitExporter(vm);
            reportLoaded(status);
            warnAboutDynamicLoading(vm, properties);
        } catch (IOException e) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "lost the attach connection to process " + pid + " (" + e.getMessage()
                            + "): see the application's log for [autoprom] lines");
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the connection is gone anyway
            }
        }
    }

    private VirtualMachine connect(long pid) throws AttachFailure {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not support the attach mechanism")) {
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "process " + pid + " was started with "
                                + "-XX:+DisableAttachMechanism and accepts no attach: restart it without that option, or "
                                + "with -javaagent:" + AgentJarPath.display());
            }
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "process " + pid + " did not accept the attach (" + message
                            + "): is it a HotSpot JVM (11 or later) of this user, and is /tmp shared with it?");
        } catch (IOException e) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "cannot attach to process " + pid + " (" + e.getMessage()
                            + "): is it a JVM of this user, and is /tmp shared with it?");
        }
    }

    private void requireJavaVersion(Properties properties) throws AttachFailure {
        String version = properties.getProperty("java.specification.version", "");
        if (featureVersion(version) < MIN_JAVA) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "process " + target.pid() + " runs Java " + version + "; the agent needs Java " + MIN_JAVA
                            + " or later. Nothing was loaded");
        }
    }

    /** {@code 17} → 17, {@code 1.8} → 8; unknown → the minimum, so that an odd value does not block an attach. */
    static int featureVersion(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return MIN_JAVA;
        }
    }

    private void reportRunning(VirtualMachine vm, AgentStatus present) throws IOException, AttachFailure {
        AgentStatus status = present.isStarting() ? awaitExporter(vm) : present;
        if (AgentStatus.SERVING.equals(status.state())) {
            out.println("autoprom " + status.version() + " is already running in process " + target.pid()
                    + ": serving metrics on port " + status.port() + " (" + status.scheme() + "); nothing changed");
            return;
        }
        throw new AttachFailure(
                AttachCommand.FAILED,
                "autoprom " + status.version() + " is already loaded in "
                        + "process " + target.pid() + " but its exporter is not running (" + status.state()
                        + (status.error().isEmpty() ? "" : ": " + status.error()) + "; the application's log has the "
                        + "[autoprom] ERROR line). Nothing changed: a second attach cannot restart it; restart the "
                        + "application, with a free autoprom.port if the port was taken");
    }

    private void load(VirtualMachine vm) throws IOException, AttachFailure {
        String jar = AgentJarPath.get().toString();
        try {
            vm.loadAgent(jar, arguments);
        } catch (AgentInitializationException e) {
            // agentmain threw: only autoprom.fail.fast=true makes the agent do that
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "process " + target.pid() + " loaded the agent, which "
                            + "refused to start (autoprom.fail.fast=true?): the application's log has the [autoprom] ERROR "
                            + "line saying why");
        } catch (AgentLoadException | IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("EnableDynamicAgentLoading")) {
                // Java 21+ started with -XX:-EnableDynamicAgentLoading (a later Java's default, JEP 451)
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "process " + target.pid() + " refuses agents loaded "
                                + "at run time (" + message
                                + "): restart it with -XX:+EnableDynamicAgentLoading, or with "
                                + "-javaagent:" + jar);
            }
            if (e instanceof AgentLoadException) {
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "process " + target.pid() + " could not load " + jar
                                + " (" + message + "): it must be able to read that file at that path, as its own user"
                                + target.owner().map(u -> " (" + u + ")").orElse("") + "; in a container, run this "
                                + "command inside it");
            }
            throw (IOException) e;
        }
    }

    /** Polls the target's property until the agent leaves the starting state, for at most the wait. */
    private AgentStatus awaitExporter(VirtualMachine vm) throws IOException, AttachFailure {
        watchdog.step("waiting for the agent in process " + target.pid() + " to open its port");
        long deadline = System.nanoTime() + EXPORTER_WAIT_MILLIS * 1_000_000L;
        while (true) {
            AgentStatus status = AgentStatus.parse(vm.getSystemProperties().getProperty(AgentStatus.PROPERTY));
            if (status == null) {
                // the agent publishes "starting" before agentmain returns: none means it stopped before that
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "process " + target.pid() + " loaded the agent, "
                                + "which did not start: the application's log has the [autoprom] ERROR line saying why");
            }
            if (!status.isStarting()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "the agent is loaded into process " + target.pid()
                                + " but did not report its exporter within " + EXPORTER_WAIT_MILLIS / 1000
                                + " s: see the "
                                + "application's log for [autoprom] lines");
            }
            sleep();
        }
    }

    private void reportLoaded(AgentStatus status) throws AttachFailure {
        long pid = target.pid();
        switch (status.state()) {
            case AgentStatus.SERVING:
                out.println("attached to " + pid + ": serving metrics on port " + status.port() + " (" + status.scheme()
                        + ", autoprom " + status.version() + ")");
                return;
            case AgentStatus.DISABLED:
                out.println("attached to " + pid + " with autoprom.enabled=false: nothing is transformed and no "
                        + "port is open");
                return;
            case AgentStatus.EXPORTER_FAILED:
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "attached to " + pid + ", but the agent's exporter "
                                + "did not start" + (status.error().isEmpty() ? "" : " on " + status.error()) + ": the "
                                + "application's log (its stderr) has the [autoprom] ERROR line saying what to change. "
                                + "Requests are recorded but not served, and a second attach cannot restart the exporter");
            default:
                throw new AttachFailure(
                        AttachCommand.FAILED,
                        "attached to " + pid + ", but the agent did not "
                                + "start (" + status.state() + "): the application's log has the [autoprom] ERROR line "
                                + "saying why");
        }
    }

    /**
     * Java 21+ prints a warning on the application's stderr for an agent loaded at run time unless the JVM was
     * started with {@code -XX:+EnableDynamicAgentLoading}; say where it comes from, so nobody hunts a problem.
     */
    private void warnAboutDynamicLoading(VirtualMachine vm, Properties properties) {
        if (featureVersion(properties.getProperty("java.specification.version", "")) < 21) {
            return;
        }
        String flags;
        try {
            Properties agentProperties = vm.getAgentProperties();
            flags = agentProperties.getProperty("sun.jvm.args", "") + " "
                    + agentProperties.getProperty("sun.jvm.flags", "");
        } catch (IOException | RuntimeException e) {
            flags = "";
        }
        if (!flags.contains("+EnableDynamicAgentLoading")) {
            out.println("note: Java " + properties.getProperty("java.specification.version") + " printed a "
                    + "warning about a dynamically loaded agent on the application's stderr; start it with "
                    + "-XX:+EnableDynamicAgentLoading to allow attaching without it");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
