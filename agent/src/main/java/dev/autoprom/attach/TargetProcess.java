package dev.autoprom.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * What the operating system says about a PID, checked before any attach is tried, so that each expected failure
 * gets its own line and so that nothing is ever sent to a process that is not a JVM: on Linux, the JDK's attach
 * starts a JVM's attach listener by sending it SIGQUIT, and Java 17's attach sends it to whatever process has the
 * PID. SIGQUIT's default action ends a process, so a mistyped PID would kill an unrelated program.
 */
final class TargetProcess {

    /** SIGQUIT is signal 3 on Linux: bit 2 of the /proc masks. */
    private static final long SIGQUIT_BIT = 1L << 2;

    private final long pid;
    private final ProcessHandle handle;

    private TargetProcess(long pid, ProcessHandle handle) {
        this.pid = pid;
        this.handle = handle;
    }

    /** The living process {@code pid}, not this command's own. */
    static TargetProcess find(long pid) throws AttachFailure {
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    pid + " is the PID of this command itself: give the PID " + "of the application's JVM (java -jar "
                            + AgentJarPath.display() + " list shows them)");
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "no process " + pid + " is running (it has exited, or "
                            + "the PID is wrong): java -jar " + AgentJarPath.display() + " list shows the JVMs you can "
                            + "attach to");
        }
        return new TargetProcess(pid, handle.get());
    }

    long pid() {
        return pid;
    }

    /** The user the process runs as, when the system tells. */
    Optional<String> owner() {
        return handle.info().user();
    }

    /**
     * A JVM accepts attach requests only from its own user (and root): the attach socket is the target user's,
     * and the JVM checks its peer's credentials. Said here, with the fix, instead of as the JDK's "Permission
     * denied" or a 10-second timeout.
     */
    void requireSameUser(String commandArguments) throws AttachFailure {
        Optional<String> owner = owner();
        Optional<String> self = ProcessHandle.current().info().user();
        if (owner.isEmpty() || self.isEmpty() || owner.get().equals(self.get()) || "root".equals(self.get())) {
            return;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        throw new AttachFailure(
                AttachCommand.FAILED,
                "process " + pid + " belongs to user " + owner.get()
                        + " and this command runs as " + self.get()
                        + ": a JVM accepts attach only from its own user; run "
                        + "it as " + owner.get() + ", e.g. sudo -u " + owner.get() + " " + java + " -jar "
                        + AgentJarPath.display() + " " + commandArguments);
    }

    /**
     * On Linux, refuses a process that does not catch SIGQUIT (every HotSpot JVM does, unless started with
     * {@code -Xrs}), unless its attach listener already runs (its socket exists, and no signal is needed).
     * Elsewhere, or when /proc cannot be read, the JDK's own checks apply.
     */
    void requireAttachable() throws AttachFailure {
        Path status = Paths.get("/proc", Long.toString(pid), "status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException | RuntimeException e) {
            return;
        }
        Long caught = null;
        String namespacePid = Long.toString(pid);
        for (String line : lines) {
            if (line.startsWith("SigCgt:")) {
                caught = parseMask(line.substring("SigCgt:".length()).trim());
            } else if (line.startsWith("NSpid:")) {
                String[] pids = line.substring("NSpid:".length()).trim().split("\\s+");
                namespacePid = pids[pids.length - 1]; // the PID as the JVM knows it, inside a container
            }
        }
        if (caught == null || (caught & SIGQUIT_BIT) != 0 || attachListenerRuns(namespacePid)) {
            return;
        }
        String name = handle.info()
                .command()
                .map(c -> Paths.get(c).getFileName().toString())
                .orElseGet(this::shortName);
        throw new AttachFailure(
                AttachCommand.FAILED,
                "process " + pid + " (" + name + ") is not a JVM that "
                        + "accepts attach: it does not handle SIGQUIT, which the attach would send it (not a Java process, "
                        + "or a JVM started with -Xrs); nothing was sent to it");
    }

    /** /proc/PID/comm, when the command line cannot be read (kernel threads, PID 1 in some containers). */
    private String shortName() {
        try {
            return new String(
                            Files.readAllBytes(Paths.get("/proc", Long.toString(pid), "comm")),
                            java.nio.charset.StandardCharsets.UTF_8)
                    .trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private boolean attachListenerRuns(String namespacePid) {
        return Files.exists(Paths.get("/proc", Long.toString(pid), "root", "tmp", ".java_pid" + namespacePid));
    }

    private static Long parseMask(String hex) {
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
