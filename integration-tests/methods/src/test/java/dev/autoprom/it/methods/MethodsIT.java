package dev.autoprom.it.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import testapp.MethodsApp;

/**
 * One application with micrometer-core and the MicroProfile Metrics API and no registry, one methods file with
 * good and bad lines, its executors; one child JVM with the real agent jar for all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MethodsIT {

    private static final String SERVICE = "testapp.IssueService";
    private static final String ISSUES = "testapp.Issues";

    private Path methodsFile;
    private ChildJvm app;
    private Control control;

    @BeforeAll
    void start() throws IOException {
        methodsFile = Files.createTempFile("methods", ".properties");
        Files.write(
                methodsFile,
                List.of(
                        "# the seeds' business counters, from methods nobody annotated",
                        "issues_processed_total = testapp.Issues#process",
                        "issues_processed_total.label.platform = arg0.platform",
                        "issue_completion_seconds = testapp.Issues#complete/1",
                        "autonomous_loop_seconds = testapp.Issues#loop",
                        "handled_total = testapp.IssueService#handle",
                        "issues processed = testapp.Issues#process",
                        "missing_method_total = testapp.Issues#nope",
                        "never_loaded_total = testapp.NeverLoaded#x",
                        "issues_processed_total.label.kind = argument1",
                        "arity_total = testapp.Issues#complete/5"),
                StandardCharsets.UTF_8);
        app = ChildJvm.main(MethodsApp.class)
                .classpath(Control.classPathWithoutSpring())
                .agentArgs("port=0,host=127.0.0.1")
                .property("autoprom.methods.file", methodsFile.toString())
                .start();
        control = new Control(app);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            app.close();
        } finally {
            Files.deleteIfExists(methodsFile);
        }
    }

    @Test
    @Order(1)
    void micrometerAndMicroProfileAnnotationsAreRecordedWithoutAnyAspect() {
        control.step("annotations");
        Scrape s = control.awaitScrape("the annotated calls", x -> x.sum("testapp_MpService_calls_total") == 4);
        // @Timed with extraTags; its private @Counted helper is called by self-invocation
        assertThat(s.value(
                        "issues_handle_seconds_count",
                        "class",
                        SERVICE,
                        "method",
                        "handle",
                        "exception",
                        "none",
                        "platform",
                        "github"))
                .isEqualTo(5);
        assertThat(s.value(
                        "issues_helper_total",
                        "class",
                        SERVICE,
                        "method",
                        "helper",
                        "result",
                        "success",
                        "exception",
                        "none"))
                .isEqualTo(5);
        // recordFailuresOnly: no success series at all
        assertThat(s.find("issues_failing_total")).hasSize(1);
        assertThat(s.value(
                        "issues_failing_total",
                        "method",
                        "maybeFail",
                        "result",
                        "failure",
                        "exception",
                        "IllegalStateException"))
                .isEqualTo(3);
        // a final method, failures with the exception's simple name
        assertThat(s.value("issues_checked_total", "method", "check", "result", "success", "exception", "none"))
                .isEqualTo(6);
        assertThat(s.value(
                        "issues_checked_total",
                        "method",
                        "check",
                        "result",
                        "failure",
                        "exception",
                        "IllegalArgumentException"))
                .isEqualTo(2);
        // a static method with @Timed without a name: Micrometer's default
        assertThat(s.value("method_timed_seconds_count", "class", SERVICE, "method", "staticWork", "exception", "none"))
                .isEqualTo(7);
        // class-level @Timed: the public methods, not the private one they call
        assertThat(s.value("batch_step_seconds_count", "class", "testapp.Batch", "method", "first"))
                .isEqualTo(3);
        assertThat(s.value("batch_step_seconds_count", "class", "testapp.Batch", "method", "second"))
                .isEqualTo(2);
        assertThat(s.find("batch_step_seconds_count", "method", "inner")).isEmpty();
        // MicroProfile: absolute name with tags; relative name prefixed with the class
        assertThat(s.value(
                        "mp_request_seconds_count",
                        "class",
                        "testapp.MpService",
                        "method",
                        "request",
                        "exception",
                        "none",
                        "tier",
                        "gold"))
                .isEqualTo(4);
        assertThat(s.value("testapp_MpService_calls_total", "result", "success", "exception", "none"))
                .isEqualTo(3);
        assertThat(s.value(
                        "testapp_MpService_calls_total",
                        "result",
                        "failure",
                        "exception",
                        "UnsupportedOperationException"))
                .isEqualTo(1);
        // the methods file also names handle: one interception feeds both metrics, each once per call
        assertThat(s.value("handled_total", "class", SERVICE, "method", "handle", "outcome", "success"))
                .isEqualTo(5);
    }

    @Test
    @Order(2)
    void methodsFileCountersHistogramsAndArgumentLabels() {
        control.step("config");
        Scrape s = control.awaitScrape("the configured calls", x -> x.sum("issue_completion_seconds_count") == 2);
        assertThat(s.value(
                        "issues_processed_total",
                        "class",
                        ISSUES,
                        "method",
                        "process",
                        "outcome",
                        "success",
                        "exception",
                        "none",
                        "platform",
                        "GITHUB"))
                .isEqualTo(3);
        assertThat(s.value(
                        "issues_processed_total",
                        "method",
                        "process",
                        "outcome",
                        "success",
                        "exception",
                        "none",
                        "platform",
                        "GITLAB"))
                .isEqualTo(2);
        assertThat(s.value(
                        "issues_processed_total",
                        "method",
                        "process",
                        "outcome",
                        "failure",
                        "exception",
                        "IllegalStateException",
                        "platform",
                        "GITHUB"))
                .isEqualTo(1);
        assertThat(s.find("issues_processed_total")).hasSize(3);
        // complete/1 only: the two-argument overload is not counted
        assertThat(s.value(
                        "issue_completion_seconds_count",
                        "class",
                        ISSUES,
                        "method",
                        "complete",
                        "outcome",
                        "success",
                        "exception",
                        "none"))
                .isEqualTo(2);
        assertThat(s.value("issue_completion_seconds_sum", "method", "complete"))
                .isGreaterThanOrEqualTo(0.06);
        assertThat(s.value("issue_completion_seconds_bucket", "method", "complete", "le", "0.025"))
                .isEqualTo(0);
        assertThat(s.value("issue_completion_seconds_bucket", "method", "complete", "le", "10.0"))
                .isEqualTo(2);
        assertThat(s.value("issue_completion_active", "class", ISSUES, "method", "complete"))
                .isEqualTo(0);
        assertThat(s.value("issues_processed_active", "class", ISSUES, "method", "process"))
                .isEqualTo(0);
    }

    @Test
    @Order(3)
    void activeGaugeIsOneDuringASlowCallAndZeroAfter() {
        control.step("loop-start");
        control.awaitScrape("a loop in flight", x -> x.sum("autonomous_loop_active", "method", "loop") == 1);
        assertThat(control.scrape().sum("autonomous_loop_seconds_count")).isEqualTo(0);
        control.step("loop-release");
        Scrape s = control.awaitScrape(
                "the loop finished", x -> x.sum("autonomous_loop_seconds_count", "method", "loop") == 1);
        assertThat(s.value("autonomous_loop_active", "class", ISSUES, "method", "loop"))
                .isEqualTo(0);
    }

    @Test
    @Order(4)
    void everyBadLineIsReportedOnceWithFileLineAndWhatWasExpected() {
        String file = methodsFile.toString();
        String output = app.output();
        assertThat(output)
                .contains(file + ":7: metric name \"issues processed\": expected a Prometheus name ending in"
                        + " _total (a counter) or _seconds (a histogram)")
                .contains(file + ":10: issues_processed_total.label.kind = \"argument1\": expected argN or"
                        + " argN.property")
                .contains(file + ":8: missing_method_total = testapp.Issues#nope: testapp.Issues has no method"
                        + " nope: expected one of its declared methods (")
                .contains(file + ":11: arity_total = testapp.Issues#complete/5: testapp.Issues has no method"
                        + " complete with 5 parameter(s)");
        assertThat(countOf(output, "missing_method_total = testapp.Issues#nope"))
                .isEqualTo(1);
        String status = Scrape.get("http://127.0.0.1:" + app.metricsPort() + "/autoprom")
                .body();
        assertThat(status)
                .contains("{\"metric\":\"issues_processed_total\",\"method\":\"testapp.Issues#process\",\"line\":2,"
                        + "\"found\":true,\"state\":\"found: 1 method(s)\"}")
                .contains("{\"metric\":\"never_loaded_total\",\"method\":\"testapp.NeverLoaded#x\",\"line\":9,"
                        + "\"found\":false,\"state\":\"class not loaded (yet)\"}")
                .contains("\"metric\":\"missing_method_total\",\"method\":\"testapp.Issues#nope\",\"line\":8,"
                        + "\"found\":false,\"state\":\"testapp.Issues has no method nope");
        // the good lines still apply: checked above; nothing the agent did failed
        assertThat(control.scrape().sum("autoprom_agent_errors_total")).isEqualTo(0);
    }

    @Test
    @Order(5)
    void threadPoolGaugesCountersRejectionsAndUnregistration() {
        control.step("pool-run");
        Scrape s = control.awaitScrape(
                "10 tasks", x -> x.sum("executor_completed_tasks_total", "name", "orders-worker") == 10);
        assertThat(s.value("executor_pool_max_threads", "name", "orders-worker"))
                .isEqualTo(2);
        assertThat(s.value("executor_rejected_tasks_total", "name", "orders-worker"))
                .isEqualTo(0);
        assertThat(control.step("pool-block")).isEqualTo("blocked, 1 rejected");
        s = control.scrape();
        assertThat(s.value("executor_active_threads", "name", "orders-worker")).isEqualTo(2);
        assertThat(s.value("executor_pool_size_threads", "name", "orders-worker"))
                .isEqualTo(2);
        assertThat(s.value("executor_queued_tasks", "name", "orders-worker")).isEqualTo(3);
        assertThat(s.value("executor_rejected_tasks_total", "name", "orders-worker"))
                .isEqualTo(1);
        control.step("pool-release");
        s = control.awaitScrape(
                "15 tasks", x -> x.sum("executor_completed_tasks_total", "name", "orders-worker") == 15);
        assertThat(s.value("executor_queued_tasks", "name", "orders-worker")).isEqualTo(0);
        assertThat(s.value("executor_active_threads", "name", "orders-worker")).isEqualTo(0);
        // the agent's own exporter pool is not among them
        assertThat(s.where(x -> x.name().startsWith("executor_")
                        && x.labels().getOrDefault("name", "").startsWith("autoprom")))
                .isEmpty();
        control.step("pool-shutdown");
        control.awaitScrape(
                "the pool gone",
                x -> x.find("executor_pool_size_threads", "name", "orders-worker")
                        .isEmpty());
        s = control.scrape();
        assertThat(s.find("executor_completed_tasks_total", "name", "orders-worker"))
                .isEmpty();
        assertThat(s.find("executor_rejected_tasks_total", "name", "orders-worker"))
                .isEmpty();
    }

    @Test
    @Order(6)
    void forkJoinCommonPoolAndTomcatsPool() {
        control.step("forkjoin");
        assertThat(control.step("tomcat-pool")).isEqualTo("completed 4");
        Scrape s = control.awaitScrape(
                "the common pool and Tomcat's",
                x -> x.has("executor_pool_max_threads", "name", "ForkJoinPool.commonPool")
                        && x.has("executor_completed_tasks_total", "name", "http-nio-0-exec"));
        assertThat(s.value("executor_pool_max_threads", "name", "ForkJoinPool.commonPool"))
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(s.value("executor_completed_tasks_total", "name", "http-nio-0-exec"))
                .isEqualTo(4);
        assertThat(s.value("executor_pool_max_threads", "name", "http-nio-0-exec"))
                .isEqualTo(1);
        // a fork-join pool counts no tasks: no counter series for it
        assertThat(s.find("executor_completed_tasks_total", "name", "ForkJoinPool.commonPool"))
                .isEmpty();
    }

    @Test
    @Order(7)
    void aClassThatNeverLoadedIsReportedWhenTheJvmExits() {
        control.step("exit");
        assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(0);
        assertThat(app.output())
                .contains(methodsFile + ":9: never_loaded_total = testapp.NeverLoaded#x: class testapp.NeverLoaded"
                        + " never loaded in this JVM");
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
