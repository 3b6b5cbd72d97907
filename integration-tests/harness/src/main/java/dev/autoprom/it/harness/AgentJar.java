package dev.autoprom.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The built agent jar, as Failsafe passes it in the system property {@code autoprom.agent.jar}. */
public final class AgentJar {

    private AgentJar() {}

    public static Path path() {
        String value = System.getProperty("autoprom.agent.jar");
        if (value == null) {
            throw new IllegalStateException("system property autoprom.agent.jar is not set; run the tests with "
                    + "Maven (mvn verify), which builds the agent first and sets it");
        }
        Path path = Paths.get(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("agent jar " + path + " does not exist; build it with mvn package");
        }
        return path;
    }
}
