package dev.autoprom.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The agent jar this command runs from: what the target JVM is asked to load, by absolute path. */
final class AgentJarPath {

    private AgentJarPath() {}

    static Path get() throws AttachFailure {
        Path path = find();
        if (path == null || !Files.isRegularFile(path)) {
            throw new AttachFailure(
                    AttachCommand.FAILED,
                    "this command does not run from the agent jar (" + path
                            + "): run it as java -jar /path/to/autoprom-agent.jar");
        }
        return path;
    }

    /** The jar's path for messages, or its usual name when it cannot be told. */
    static String display() {
        Path path = find();
        return path == null ? "autoprom-agent.jar" : path.toString();
    }

    private static Path find() {
        try {
            return Paths.get(AgentJarPath.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
        } catch (Exception | Error e) {
            return null; // no code source (a custom loader): the caller says how to run the command
        }
    }
}
