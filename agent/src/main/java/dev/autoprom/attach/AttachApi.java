package dev.autoprom.attach;

/**
 * Whether this Java runtime has the attach API. A JRE or a jlinked runtime may lack module {@code jdk.attach};
 * touching one of its classes there would end the command with a {@code NoClassDefFoundError}, so this check runs
 * before any class of this package that uses the API is loaded.
 */
final class AttachApi {

    private AttachApi() {}

    /** {@code commandArguments}: what the user asked for ({@code attach 1234 port=0}), repeated in the advice. */
    static void requirePresent(String commandArguments) throws AttachFailure {
        if (ModuleLayer.boot().findModule("jdk.attach").isPresent()) {
            return;
        }
        throw new AttachFailure(
                AttachCommand.FAILED,
                "this Java runtime (" + System.getProperty("java.home")
                        + ", Java " + System.getProperty("java.version")
                        + ") has no jdk.attach module, which attaching "
                        + "needs: run the command with a full JDK's java (11 or later), e.g. /path/to/jdk/bin/java -jar "
                        + AgentJarPath.display() + " " + commandArguments + " (the JVM you attach to may be a JRE)");
    }
}
