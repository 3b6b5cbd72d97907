package dev.autoprom.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line alone; attaching is covered with real JVMs by AttachCommandIT. */
class AttachCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AttachCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsIsTheUsageOnStdout() {
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("autoprom ").contains("attach PID [key=value,...]");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownCommandIsExitTwo() {
        assertThat(run("atach", "42")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("autoprom: unknown command 'atach': expected list or attach\n");
    }

    @Test
    void attachWithoutPidIsExitTwo() {
        assertThat(run("attach")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("autoprom: attach needs the PID of a running JVM");
    }

    @Test
    void aPidIsAPositiveWholeNumber() throws AttachFailure {
        assertThat(AttachCommand.parsePid(" 4711 ")).isEqualTo(4711);
        for (String bad : new String[] {"abc", "-3", "0", "12.5", ""}) {
            assertThatThrownBy(() -> AttachCommand.parsePid(bad))
                    .isInstanceOf(AttachFailure.class)
                    .hasMessageStartingWith("'" + bad + "' is not a PID")
                    .satisfies(e -> assertThat(((AttachFailure) e).exitCode()).isEqualTo(2));
        }
    }

    @Test
    void ownPidIsRefused() {
        assertThatThrownBy(() -> TargetProcess.find(ProcessHandle.current().pid()))
                .hasMessageContaining("is the PID of this command itself");
    }

    @Test
    void javaVersionsOldAndNew() {
        assertThat(Attacher.featureVersion("1.8")).isEqualTo(8);
        assertThat(Attacher.featureVersion("11")).isEqualTo(11);
        assertThat(Attacher.featureVersion("25")).isEqualTo(25);
        assertThat(Attacher.featureVersion("")).isEqualTo(11);
    }
}
