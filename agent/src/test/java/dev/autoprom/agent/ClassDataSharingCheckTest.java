package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassDataSharingCheckTest {

    private static final File JAR = new File("/opt/autoprom/autoprom-agent.jar");

    @Test
    void anArchiveTheJvmRefusedIsNamedWithWhatToDo() {
        assertThat(ClassDataSharingCheck.problem(
                        List.of("java", "-XX:SharedArchiveFile=/app/app.jsa", "-javaagent:" + JAR, "-jar", "app.jar"),
                        null,
                        JAR))
                .isEqualTo("the JVM is not using the class-data sharing archive of -XX:SharedArchiveFile=/app/app.jsa:"
                        + " an archive made without the agent does not match a JVM that has the agent on its boot"
                        + " class path; make it again with -javaagent:/opt/autoprom/autoprom-agent.jar attached"
                        + " (README, \"Class-data sharing\")");
        assertThat(ClassDataSharingCheck.problem(List.of("-XX:AOTCache=app.aot"), null, JAR))
                .startsWith("the JVM is not using the class-data sharing archive of -XX:AOTCache=app.aot:");
    }

    @Test
    void aOneStepAotTrainingIsToldToGiveItsCreationStepTheJar() {
        List<String> training = List.of("-XX:AOTCacheOutput=app.aot", "-javaagent:" + JAR);
        assertThat(ClassDataSharingCheck.problem(training, null, JAR))
                .isEqualTo("AOT cache training: the creation step of -XX:AOTCacheOutput starts no agent, so it lacks"
                        + " the boot class path this agent's manifest adds and will not make the cache; give it the"
                        + " jar with the environment variable"
                        + " JDK_AOT_VM_OPTIONS=-Xbootclasspath/a:/opt/autoprom/autoprom-agent.jar (README,"
                        + " \"Class-data sharing\")");
        assertThat(ClassDataSharingCheck.problem(training, "-Xbootclasspath/a:" + JAR, JAR))
                .isNull();
    }

    @Test
    void theJarTwiceOnTheBootClassPathIsNamed() {
        String expected = "the agent jar is on the boot class path twice, from -Xbootclasspath/a and from its"
                + " manifest's Boot-Class-Path, which an archive made as the README says does not match: remove"
                + " -Xbootclasspath/a:/opt/autoprom/autoprom-agent.jar from this command (it belongs only in the"
                + " -Xshare:dump or -XX:AOTMode=create step, or JDK_AOT_VM_OPTIONS, which start no agent)";
        assertThat(ClassDataSharingCheck.problem(
                        List.of("-Xbootclasspath/a:" + JAR, "-XX:SharedArchiveFile=app.jsa", "-javaagent:" + JAR),
                        null,
                        JAR))
                .isEqualTo(expected);
        assertThat(ClassDataSharingCheck.problem(
                        List.of("-Xbootclasspath/a:" + JAR, "-XX:AOTMode=record", "-XX:AOTConfiguration=a.conf"),
                        null,
                        JAR))
                .isEqualTo(expected);
        assertThat(ClassDataSharingCheck.problem(
                        List.of("-Xbootclasspath/a:" + JAR, "-XX:AOTCacheOutput=app.aot"),
                        "-Xbootclasspath/a:" + JAR,
                        JAR))
                .isEqualTo(expected);
    }

    @Test
    void aRecordingRunMadeAsDocumentedIsNotAProblem() {
        assertThat(ClassDataSharingCheck.problem(
                        List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=app.aotconf", "-javaagent:" + JAR),
                        null,
                        JAR))
                .isNull();
    }

    @Test
    void sharingSwitchedOffOnPurposeIsNotAProblem() {
        assertThat(ClassDataSharingCheck.problem(List.of("java", "-Xshare:off", "-jar", "app.jar"), null, JAR))
                .isNull();
        assertThat(ClassDataSharingCheck.problem(List.of(), null, JAR)).isNull();
    }

    @Test
    void aRenamedJarIsToldWhyAndWhatToDo() {
        assertThat(ClassDataSharingCheck.renamedJar(new File("/opt/autoprom-1.0.jar")))
                .isEqualTo("the agent jar is named autoprom-1.0.jar, not autoprom-agent.jar as its manifest's"
                        + " Boot-Class-Path expects, so it was added to the boot class path at run time, and the JVM"
                        + " then shares only boot loader classes from a CDS archive or AOT cache; name it"
                        + " autoprom-agent.jar (or add -Xbootclasspath/a:/opt/autoprom-1.0.jar) to keep the"
                        + " application's archive in use");
    }
}
