package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoprom.it.harness.AgentJar;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code java -jar autoprom-agent.jar list | attach PID}, run as real child processes against an application
 * started without the agent: what a user types, what it prints, its exit code, and what the application records
 * afterwards.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AttachCommandIT {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final String COUNT = "http_server_request_duration_seconds_count";
    private static final Pattern ATTACHED = Pattern.compile(
            "attached to (\\d+): serving metrics on port (\\d+) \\(http, autoprom " + Pattern.quote(VERSION) + "\\)");
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void withoutArgumentsItPrintsItsUsageAndVersion() {
        JarCommand.Result result = command().run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdoutLines())
                .first()
                .isEqualTo("autoprom " + VERSION + ": Prometheus metrics for a Java service, with no code change");
        assertThat(result.stdoutLines())
                .contains(
                        "usage:",
                        "  java -jar autoprom-agent.jar list",
                        "  java -jar autoprom-agent.jar attach PID [key=value,...]");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWithTwo() {
        JarCommand.Result result = command().run("frobnicate");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines())
                .first()
                .isEqualTo("autoprom: unknown command 'frobnicate': expected list or attach");
        assertThat(result.stderrLines()).contains("usage:");
    }

    @Test
    void listShowsTheApplicationsJvm() {
        try (ChildJvm app = application()) {
            JarCommand.Result result = command().run("list");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdoutLines()).first().isEqualTo("PID      MAIN");
            assertThat(result.stdoutLines())
                    .contains(String.format("%-8s %s", app.pid(), AttachTargetApp.class.getName()));
            assertThat(app.output()).doesNotContain("[autoprom]");
        }
    }

    /**
     * The server and its contexts exist before the attach and serve 5 requests then; exactly the 7 + 2 requests
     * after the attach are counted, with the labels of the JDK server path.
     */
    @Test
    void attachRecordsExactlyTheRequestsAfterItOnAServerCreatedBefore() {
        try (ChildJvm app = application()) {
            int appPort = appPort(app);
            get(appPort, "/hello", 5, 200);

            JarCommand.Result result = command().run("attach", Long.toString(app.pid()), "port=0,host=127.0.0.1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).as(result.toString()).isEmpty();
            int metricsPort = attachedPort(result, app.pid());
            assertThat(result.stdoutLines())
                    .as(result.toString())
                    .isEqualTo(expectedAttachOutput(app.pid(), metricsPort));
            app.awaitOutput(
                    Pattern.quote("[autoprom] INFO serving metrics on http://127.0.0.1:" + metricsPort + "/metrics"),
                    STARTUP);
            assertThat(app.output()).doesNotContain("[autoprom] ERROR").doesNotContain("[autoprom] WARN");

            get(appPort, "/hello", 7, 200);
            get(appPort, "/gone", 2, 503);
            Scrape scrape = awaitTotal(metricsPort, 9);
            assertThat(single(scrape, "/hello").labels())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "http_request_method",
                            "GET",
                            "http_response_status_code",
                            "200",
                            "http_route",
                            "/hello",
                            "url_scheme",
                            "http",
                            "error_type",
                            ""));
            assertThat(single(scrape, "/hello").value()).isEqualTo(7);
            assertThat(single(scrape, "/gone").labels())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "http_request_method",
                            "GET",
                            "http_response_status_code",
                            "503",
                            "http_route",
                            "/gone",
                            "url_scheme",
                            "http",
                            "error_type",
                            "503"));
            assertThat(single(scrape, "/gone").value()).isEqualTo(2);
            assertThat(scrape.find(COUNT)).hasSize(2);
            assertThat(scrape.value("http_server_active_requests", "http_request_method", "GET", "url_scheme", "http"))
                    .isZero();
            assertThat(scrape.sum("autoprom_agent_errors_total")).isZero();
        }
    }

    @Test
    void aSecondAttachReportsTheRunningAgentAndChangesNothing() {
        try (ChildJvm app = application()) {
            int appPort = appPort(app);
            JarCommand.Result first = command().run("attach", Long.toString(app.pid()), "port=0,host=127.0.0.1");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            int metricsPort = attachedPort(first, app.pid());
            get(appPort, "/hello", 3, 200);
            assertThat(single(awaitTotal(metricsPort, 3), "/hello").value()).isEqualTo(3);

            JarCommand.Result second = command().run("attach", Long.toString(app.pid()), "port=0,host=127.0.0.1");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.stderr()).isEmpty();
            assertThat(second.stdoutLines())
                    .containsExactly("autoprom " + VERSION + " is already running in process " + app.pid()
                            + ": serving metrics on port " + metricsPort + " (http); nothing changed");
            assertThat(single(Scrape.port(metricsPort), "/hello").value())
                    .as("the second attach counts nothing")
                    .isEqualTo(3);
            // not loaded again: one exporter, one filter per context (each request still counted once)
            assertThat(occurrences(app.output(), "serving metrics on")).isEqualTo(1);
            assertThat(app.output()).doesNotContain("already running");
            get(appPort, "/hello", 4, 200);
            assertThat(single(awaitTotal(metricsPort, 7), "/hello").value()).isEqualTo(7);
        }
    }

    @Test
    void aBusyPortIsReportedAndTheApplicationServesOn() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ChildJvm app = application()) {
            int port = busy.getLocalPort();
            JarCommand.Result result =
                    command().run("attach", Long.toString(app.pid()), "port=" + port + ",host=127.0.0.1");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderrLines())
                    .containsExactly("autoprom: attached to " + app.pid() + ", but the "
                            + "agent's exporter did not start on 127.0.0.1:" + port
                            + " (java.net.BindException: Address "
                            + "already in use): the application's log (its stderr) has the [autoprom] ERROR line saying what "
                            + "to change. Requests are recorded but not served, and a second attach cannot restart the "
                            + "exporter");
            app.awaitOutput(Pattern.quote("[autoprom] ERROR cannot listen on 127.0.0.1:" + port), STARTUP);
            get(appPort(app), "/hello", 2, 200);

            JarCommand.Result again = command().run("attach", Long.toString(app.pid()));
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
            assertThat(again.stderrLines())
                    .containsExactly("autoprom: autoprom " + VERSION + " is already loaded in "
                            + "process " + app.pid() + " but its exporter is not running (exporter-failed: 127.0.0.1:"
                            + port
                            + " (java.net.BindException: Address already in use); the application's log has the [autoprom] "
                            + "ERROR line). Nothing changed: a second attach cannot restart it; restart the application, "
                            + "with a free autoprom.port if the port was taken");
            assertThat(app.isAlive()).isTrue();
        }
    }

    @Test
    void aMistypedArgumentIsRefusedBeforeAnythingReachesTheApplication() {
        try (ChildJvm app = application()) {
            JarCommand.Result result = command().run("attach", Long.toString(app.pid()), "prot=0");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderrLines())
                    .containsExactly(
                            "autoprom: not attached: the agent arguments 'prot=0' "
                                    + "have a problem: unknown setting autoprom.prot (agent argument); did you mean autoprom.port?");
            get(appPort(app), "/hello", 1, 200);
            assertThat(app.output()).doesNotContain("[autoprom]");
        }
    }

    @Test
    void aDeadPidGetsOneLine() {
        long pid;
        try (ChildJvm gone =
                ChildJvm.main(PlainApp.class).withoutAgent().args("exit").start()) {
            assertThat(gone.awaitExit(STARTUP)).isZero();
            pid = gone.pid();
        }
        assumeTrue(ProcessHandle.of(pid).isEmpty(), "PID " + pid + " was reused already");
        JarCommand.Result result = command().run("attach", Long.toString(pid));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines())
                .containsExactly("autoprom: no process " + pid + " is running (it has "
                        + "exited, or the PID is wrong): java -jar " + shownJar()
                        + " list shows the JVMs you can attach to");
    }

    @Test
    void aPidThatIsNotANumberGetsOneLine() {
        JarCommand.Result result = command().run("attach", "my-service");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderrLines())
                .containsExactly("autoprom: 'my-service' is not a PID: expected the process "
                        + "id of a running JVM, a positive whole number (java -jar " + shownJar()
                        + " list shows them)");
    }

    @Test
    void aRuntimeWithoutTheAttachModuleGetsOneLine() {
        JarCommand.Result result = command()
                .javaOption("--limit-modules", "java.base,java.instrument")
                .run("attach", "1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines())
                .containsExactly("autoprom: this Java runtime ("
                        + System.getProperty("java.home") + ", Java " + System.getProperty("java.version") + ") has no "
                        + "jdk.attach module, which attaching needs: run the command with a full JDK's java (11 or later), "
                        + "e.g. /path/to/jdk/bin/java -jar " + shownJar()
                        + " attach 1 (the JVM you attach to may be a JRE)");
    }

    @Test
    void aJvmStartedWithDisableAttachMechanismGetsOneLine() {
        try (ChildJvm app = ChildJvm.main(AttachTargetApp.class)
                .withoutAgent()
                .jvmArg("-XX:+DisableAttachMechanism")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            JarCommand.Result result = command().run("attach", Long.toString(app.pid()));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderrLines())
                    .containsExactly("autoprom: process " + app.pid() + " was started with "
                            + "-XX:+DisableAttachMechanism and accepts no attach: restart it without that option, or with "
                            + "-javaagent:" + shownJar());
            assertThat(app.output()).doesNotContain("[autoprom]");
        }
    }

    /**
     * The attacher runs as user nobody against the root-owned application: CI runs the tests as root. The jar is
     * copied where nobody can read it.
     */
    @Test
    void anotherUsersJvmGetsOneLineNamingTheOwner() throws Exception {
        assumeTrue(
                "root".equals(ProcessHandle.current().info().user().orElse("")),
                "the tests do not run as root, so there is no other user to switch to");
        Path setpriv = Paths.get("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "no /usr/bin/setpriv (util-linux) to run the command as nobody");
        String nobody = userName(65534);
        Path dir = Files.createTempDirectory("autoprom-attach");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path jar =
                    Files.copy(AgentJar.path(), dir.resolve("autoprom-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            String[] asNobody = {setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups"};
            JarCommand.Result canRun =
                    JarCommand.jar(jar).through(asNobody).in(dir).run("version");
            assumeTrue(canRun.exitCode() == 0, "nobody cannot run " + canRun);

            try (ChildJvm app = application()) {
                JarCommand.Result result =
                        JarCommand.jar(jar).through(asNobody).in(dir).run("attach", Long.toString(app.pid()));
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
                assertThat(result.stdout()).isEmpty();
                String java = Paths.get(System.getProperty("java.home"), "bin", "java")
                        .toRealPath()
                        .toString();
                assertThat(result.stderrLines())
                        .containsExactly("autoprom: process " + app.pid() + " belongs to "
                                + "user root and this command runs as " + nobody
                                + ": a JVM accepts attach only from its own "
                                + "user; run it as root, e.g. sudo -u root " + java + " -jar " + jar + " attach "
                                + app.pid());
                get(appPort(app), "/hello", 1, 200);
                assertThat(app.output()).doesNotContain("[autoprom]");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- helpers ----

    private static JarCommand command() {
        return JarCommand.jar(AgentJar.path());
    }

    private static ChildJvm application() {
        ChildJvm app = ChildJvm.main(AttachTargetApp.class).withoutAgent().start();
        try {
            app.awaitOutput("READY", STARTUP);
            return app;
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
    }

    private static int appPort(ChildJvm app) {
        return Integer.parseInt(app.awaitOutput("PORT=(\\d+)", STARTUP).group(1));
    }

    /** The jar as the command names it in its messages: the real path the JVM loaded it from. */
    private static String shownJar() {
        try {
            return AgentJar.path().toRealPath().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int attachedPort(JarCommand.Result result, long pid) {
        Matcher m = ATTACHED.matcher(result.stdout());
        assertThat(m.find()).as("attach output: " + result).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(pid);
        return Integer.parseInt(m.group(2));
    }

    /** The success line, and on Java 21+ the note about the JVM's dynamic-agent warning. */
    private static List<String> expectedAttachOutput(long pid, int port) {
        List<String> lines = new ArrayList<>();
        lines.add("attached to " + pid + ": serving metrics on port " + port + " (http, autoprom " + VERSION + ")");
        int feature = Runtime.version().feature();
        if (feature >= 21) {
            lines.add("note: Java " + feature + " printed a warning about a dynamically loaded agent on the "
                    + "application's stderr; start it with -XX:+EnableDynamicAgentLoading to allow attaching "
                    + "without it");
        }
        return lines;
    }

    private static void get(int port, String path, int times, int expectedStatus) {
        for (int i = 0; i < times; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("GET " + path).isEqualTo(expectedStatus);
            } catch (IOException e) {
                throw new AssertionError("GET " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A request is recorded when its exchange ends, which can be a moment after the client has read the response:
     * waits (bounded) until the counts add up to {@code total}, then the caller checks each exactly.
     */
    private static Scrape awaitTotal(int metricsPort, double total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape scrape = Scrape.port(metricsPort);
        while (scrape.sum(COUNT) < total && System.nanoTime() < deadline) {
            sleep(50);
            scrape = Scrape.port(metricsPort);
        }
        assertThat(scrape.sum(COUNT))
                .as("sum of " + COUNT + " in\n" + scrape.text())
                .isEqualTo(total);
        return scrape;
    }

    private static Sample single(Scrape scrape, String route) {
        List<Sample> found = scrape.find(COUNT, "http_route", route);
        assertThat(found).as(COUNT + " for " + route + " in\n" + scrape.text()).hasSize(1);
        return found.get(0);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** The name of a uid in /etc/passwd, as the command will see itself; the number when there is none. */
    private static String userName(int uid) throws IOException {
        for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
            String[] fields = line.split(":");
            if (fields.length > 2 && fields[2].equals(Integer.toString(uid))) {
                return fields[0];
            }
        }
        return Integer.toString(uid);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
