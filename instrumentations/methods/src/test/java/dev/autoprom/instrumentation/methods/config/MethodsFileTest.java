package dev.autoprom.instrumentation.methods.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodsFileTest {

    @Test
    void readsMethodsLabelsAndArities() {
        MethodsFile file = MethodsFile.parse(
                "m.properties",
                List.of(
                        "# business counters",
                        "issues_processed_total = com.acme.IssueService#process, com.acme.IssueService#retry/2",
                        "issues_processed_total.label.platform = arg0.platform",
                        "issues_processed_total.label.kind = arg1",
                        "issues_processed_total.label.kind.tostring = true",
                        "",
                        "ai_request_duration_seconds = com.acme.Ai$Client#call"));
        assertThat(file.problems).isEmpty();
        assertThat(file.methods).hasSize(3);
        ConfiguredMethod retry = file.methods.get(1);
        assertThat(retry.target()).isEqualTo("com.acme.IssueService#retry/2");
        assertThat(retry.isCounter()).isTrue();
        assertThat(retry.base()).isEqualTo("issues_processed");
        assertThat(retry.labels).hasSize(2);
        assertThat(retry.labels.get(0).argument()).isEqualTo(0);
        ConfiguredMethod call = file.methods.get(2);
        assertThat(call.className).isEqualTo("com.acme.Ai$Client");
        assertThat(call.isCounter()).isFalse();
        assertThat(call.labels).isEmpty();
    }

    @Test
    void eachBadLineIsReportedWithFileLineAndWhatWasExpected() {
        MethodsFile file = MethodsFile.parse(
                "m.properties",
                List.of(
                        "good_total = a.B#c",
                        "just some words",
                        "bad_name = a.B#c",
                        "other_total = a.B",
                        "good_total.label.class = arg0",
                        "good_total.label.platform = first",
                        "missing_total.label.platform = arg0",
                        "good_total.label.p.tostring = maybe"));
        assertThat(file.methods).hasSize(1);
        assertThat(file.problems)
                .containsExactly(
                        "m.properties:2: \"just some words\" is not a setting: expected NAME = class#method or"
                                + " NAME.label.KEY = argN[.property]; the line is skipped",
                        "m.properties:3: metric name \"bad_name\": expected a Prometheus name ending in _total (a"
                                + " counter) or _seconds (a histogram), such as issues_processed_total; the line is"
                                + " skipped",
                        "m.properties:4: other_total = \"a.B\": expected class#method or class#method/N (N: the"
                                + " number of parameters), such as com.acme.IssueService#process; the line is skipped",
                        "m.properties:5: good_total.label.class: label name \"class\": expected a Prometheus label"
                                + " name ([a-zA-Z_][a-zA-Z0-9_]*) other than class, method, outcome and exception;"
                                + " the line is skipped",
                        "m.properties:6: good_total.label.platform = \"first\": expected argN or argN.property (N"
                                + " counts the method's parameters from 0), such as arg0.platform; the line is skipped",
                        "m.properties:7: missing_total.label.platform: no line missing_total = class#method names"
                                + " this metric; expected the metric's own line before its labels can apply; the line"
                                + " is skipped",
                        "m.properties:8: good_total.label.p.tostring = \"maybe\": expected true or false; the line is"
                                + " skipped");
    }
}
