package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Says once at start-up what keeps the application's class-data sharing (an AppCDS archive, a JDK 25 AOT cache)
 * from working with the agent, when the JVM shows it cannot. The agent keeps sharing by being on the boot class
 * path from start-up (its manifest's {@code Boot-Class-Path}); what is left are the user's choices: a renamed
 * jar, an archive made without the agent, an AOT training run the JDK cannot finish. Silent in every other case,
 * and cheap: the JVM's options are read only when the JVM already reports that it shares nothing.
 */
final class ClassDataSharingCheck {

    /** The file name the manifest's {@code Boot-Class-Path} gives (agent/pom.xml). */
    static final String BOOT_CLASS_PATH_NAME = "autoprom-agent.jar";

    private ClassDataSharingCheck() {}

    static void report(File agentJar, boolean appendedAtRunTime) {
        try {
            if (appendedAtRunTime) {
                AgentLog.info(renamedJar(agentJar));
                return;
            }
            // "mixed mode, sharing" whenever any archive is in use, the JDK's default one included
            if (System.getProperty("java.vm.info", "").contains("sharing")) {
                return;
            }
            String problem = problem(jvmOptions(), System.getenv("JDK_AOT_VM_OPTIONS"), agentJar);
            if (problem != null) {
                AgentLog.warn(problem);
            }
        } catch (RuntimeException e) {
            AgentLog.debug("class-data sharing check skipped: " + e);
        }
    }

    static String renamedJar(File agentJar) {
        return "the agent jar is named " + agentJar.getName() + ", not " + BOOT_CLASS_PATH_NAME
                + " as its manifest's Boot-Class-Path expects, so it was added to the boot class path at run time,"
                + " and the JVM then shares only boot loader classes from a CDS archive or AOT cache; name it "
                + BOOT_CLASS_PATH_NAME + " (or add -Xbootclasspath/a:" + agentJar + ") to keep the application's"
                + " archive in use";
    }

    /**
     * What stops sharing in a JVM that shares nothing, given its options; null for none we can name (for
     * example {@code -Xshare:off}, or a JDK 25 recording run made as the README says).
     */
    static String problem(List<String> options, String creationOptions, File agentJar) {
        String archive = null;
        boolean oneStepTraining = false;
        boolean recording = false;
        boolean bootClassPath = false;
        for (String option : options) {
            if (option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-XX:AOTCache=")) {
                archive = option;
            } else if (option.startsWith("-XX:AOTCacheOutput=")) {
                oneStepTraining = true;
            } else if (option.equals("-XX:AOTMode=record")) {
                recording = true;
            } else if (option.startsWith("-Xbootclasspath/a:") && option.contains(agentJar.getName())) {
                bootClassPath = true;
            }
        }
        if (bootClassPath && (recording || oneStepTraining || archive != null)) {
            return "the agent jar is on the boot class path twice, from -Xbootclasspath/a and from its manifest's"
                    + " Boot-Class-Path, which an archive made as the README says does not match: remove"
                    + " -Xbootclasspath/a:" + agentJar + " from this command (it belongs only in the -Xshare:dump"
                    + " or -XX:AOTMode=create step, or JDK_AOT_VM_OPTIONS, which start no agent)";
        }
        if (oneStepTraining) {
            // JDK_AOT_VM_OPTIONS: JDK 25's options for the creation step alone, the one place the jar can go
            boolean creationHasJar = creationOptions != null
                    && creationOptions.contains("-Xbootclasspath/a:")
                    && creationOptions.contains(agentJar.getName());
            return creationHasJar
                    ? null
                    : "AOT cache training: the creation step of -XX:AOTCacheOutput starts no agent, so it lacks the"
                            + " boot class path this agent's manifest adds and will not make the cache; give it the"
                            + " jar with the environment variable JDK_AOT_VM_OPTIONS=-Xbootclasspath/a:" + agentJar
                            + " (README, \"Class-data sharing\")";
        }
        if (archive != null && !recording) {
            return "the JVM is not using the class-data sharing archive of " + archive + ": an archive made"
                    + " without the agent does not match a JVM that has the agent on its boot class path; make it"
                    + " again with -javaagent:" + agentJar + " attached (README, \"Class-data sharing\")";
        }
        return null;
    }

    /**
     * The JVM's options as far as they can be read without {@code java.lang.management} (kept out of premain):
     * the command line from {@code /proc/self/cmdline} where there is one, and the options environment
     * variables. Options given in an {@code @argfile} are missed; this only chooses a hint.
     */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        try {
            byte[] cmdline = Files.readAllBytes(Paths.get("/proc/self/cmdline"));
            for (String argument : new String(cmdline, StandardCharsets.UTF_8).split("\0")) {
                options.add(argument);
            }
        } catch (IOException | RuntimeException noProcFileSystem) {
            // not Linux: the environment variables below are all there is
        }
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            String value = System.getenv(variable);
            if (value != null) {
                for (String option : value.trim().split("\\s+")) {
                    options.add(option);
                }
            }
        }
        return options;
    }
}
