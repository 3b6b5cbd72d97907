package dev.autoprom.attach;

import dev.autoprom.agent.AgentArguments;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The jar's {@code Main-Class}: {@code java -jar autoprom-agent.jar [list | attach PID [key=value,...]]}. It only
 * reads the command line and dispatches; every expected failure is an {@link AttachFailure}, printed as one line
 * on stderr with the exit code it carries. Nothing here touches the attach API: {@link AttachApi} checks first
 * that this runtime has it.
 */
public final class AttachCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The whole command's limit (attach, retransformation in the target, the exporter's start). */
    private static final long LIMIT_MILLIS = 90_000;

    private AttachCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
                out.print(usage());
                return OK;
            }
            switch (args[0]) {
                case "version":
                case "--version":
                    out.println("autoprom " + version());
                    return OK;
                case "list":
                    AttachApi.requirePresent("list");
                    JvmList.print(out);
                    return OK;
                case "attach":
                    attach(Arrays.copyOfRange(args, 1, args.length), out, err);
                    return OK;
                default:
                    err.println("autoprom: unknown command '" + args[0] + "': expected list or attach");
                    err.print(usage());
                    return USAGE;
            }
        } catch (AttachFailure e) {
            err.println("autoprom: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException | LinkageError e) {
            // not an expected failure: one line still, with what broke, for a bug report
            err.println("autoprom: unexpected failure: " + e + " (please report it with the command you ran)");
            return FAILED;
        }
    }

    private static void attach(String[] args, PrintStream out, PrintStream err) throws AttachFailure {
        if (args.length == 0) {
            throw new AttachFailure(
                    USAGE,
                    "attach needs the PID of a running JVM: java -jar " + AgentJarPath.display()
                            + " attach PID [key=value,...] (list shows the PIDs)");
        }
        long pid = parsePid(args[0]);
        // "attach 42 port=0 host=x" is read as "attach 42 port=0,host=x": the agent's arguments are comma-separated
        String arguments = args.length == 1 ? null : String.join(",", Arrays.copyOfRange(args, 1, args.length));
        String asked = "attach " + pid + (arguments == null ? "" : " " + arguments);
        AttachApi.requirePresent(asked);
        List<String> problems = AgentArguments.problems(arguments);
        if (!problems.isEmpty()) {
            throw new AttachFailure(
                    USAGE,
                    "not attached: the agent arguments '" + arguments + "' have "
                            + (problems.size() == 1 ? "a problem: " : problems.size() + " problems: ")
                            + String.join("; ", problems));
        }
        TargetProcess target = TargetProcess.find(pid);
        target.requireSameUser(asked);
        target.requireAttachable();
        Watchdog watchdog = new Watchdog(LIMIT_MILLIS, err).start();
        new Attacher(target, arguments, watchdog, out).run();
    }

    static long parsePid(String text) throws AttachFailure {
        long pid;
        try {
            pid = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        if (pid <= 0) {
            throw new AttachFailure(
                    USAGE,
                    "'" + text + "' is not a PID: expected the process id of a running JVM, "
                            + "a positive whole number (java -jar " + AgentJarPath.display() + " list shows them)");
        }
        return pid;
    }

    static String usage() {
        String jar = "autoprom-agent.jar";
        return "autoprom " + version() + ": Prometheus metrics for a Java service, with no code change\n"
                + "\n"
                + "usage:\n"
                + "  java -jar " + jar + " list\n"
                + "      the JVMs of this user that accept attach: PID and main class\n"
                + "  java -jar " + jar + " attach PID [key=value,...]\n"
                + "      load the agent into the running JVM PID and print its metrics port; the keys are the\n"
                + "      agent's settings without the autoprom. prefix, e.g. port=9464,host=127.0.0.1\n"
                + "  java -javaagent:" + jar + "[=key=value,...] -jar app.jar\n"
                + "      start an application with the agent\n"
                + "\n"
                + "list and attach need a JDK (module jdk.attach) and the user that runs the application.\n"
                + "Exit status: 0 done, 1 failed, 2 wrong command line. Settings and troubleshooting: README.md.\n";
    }

    /** From the jar's manifest ({@code Implementation-Version}), which the class path reads when run with -jar. */
    static String version() {
        String version = AttachCommand.class.getPackage().getImplementationVersion();
        return version == null ? "(version unknown: not run from the agent jar)" : version;
    }
}
