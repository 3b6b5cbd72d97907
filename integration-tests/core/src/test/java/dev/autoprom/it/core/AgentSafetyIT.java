package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings, busy ports and switches: the application always starts, with one clear line. */
class AgentSafetyIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    @Test
    void busyPortLogsOneLineNamingTheSettingAndTheApplicationRuns() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ChildJvm app = ChildJvm.main(PlainApp.class)
                        .agentArgs("host=127.0.0.1,port=" + busy.getLocalPort())
                        .start()) {
            app.awaitOutput("READY", STARTUP);
            app.awaitOutput("cannot listen on", STARTUP);
            assertThat(app.isAlive()).isTrue();
            String errors = lines(app.output(), "[autoprom] ERROR");
            assertThat(errors.split("\n")).hasSize(1);
            assertThat(errors)
                    .contains("cannot listen on 127.0.0.1:" + busy.getLocalPort())
                    .contains("set autoprom.port to a free port");
        }
    }

    @Test
    void unparsableValuesNameKeyValueAndExpectationAndFallBackToDefaults() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,cardinality.limit=lots,log.level=chatty")
                .property("autoprom.histogram.native", "perhaps")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            app.metricsPort();
            String errors = lines(app.output(), "[autoprom] ERROR");
            assertThat(errors)
                    .contains("invalid value 'lots' for autoprom.cardinality.limit (agent argument): "
                            + "expected an integer from 1 to 1000000; using the default 2000");
            assertThat(errors)
                    .contains("invalid value 'chatty' for autoprom.log.level (agent argument): expected "
                            + "one of debug, info, warn, error, off; using the default info");
            assertThat(errors).contains("invalid value 'perhaps' for autoprom.histogram.native (system property)");
            assertThat(app.scrape().value("autoprom_agent_info", "version", "0.1.0-SNAPSHOT"))
                    .isEqualTo(1.0);
        }
    }

    @Test
    void unknownKeyIsReportedWithTheNearestKnownKey() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0")
                .property("autoprom.metrics.pth", "/x")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            assertThat(app.output())
                    .contains("[autoprom] ERROR unknown setting autoprom.metrics.pth (system "
                            + "property); did you mean autoprom.metrics.path?");
        }
    }

    @Test
    void failFastRefusesToStartOnABadValue() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,fail.fast=true,port=abc")
                .start()) {
            int exit = app.awaitExit(STARTUP);
            assertThat(exit).isNotZero();
            assertThat(app.output())
                    .doesNotContain("READY")
                    .contains("autoprom.fail.fast=true and the configuration has 1 problem(s)")
                    .contains("invalid value 'abc' for autoprom.port");
        }
    }

    @Test
    void failFastRefusesToStartOnABusyPort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ChildJvm app = ChildJvm.main(PlainApp.class)
                        .agentArgs("fail.fast=true,host=127.0.0.1,port=" + busy.getLocalPort())
                        .start()) {
            assertThat(app.awaitExit(STARTUP)).isNotZero();
            assertThat(app.output()).doesNotContain("READY").contains("the exporter did not start");
        }
    }

    @Test
    void disabledAgentOpensNoPortAndStartsNoThread() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("enabled=false,host=127.0.0.1,port=" + port)
                .args("threads")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            assertThat(app.output())
                    .doesNotContain("[autoprom]")
                    .doesNotContain("THREAD autoprom")
                    .doesNotContain("THREAD HTTP-Dispatcher");
            assertThat(connects(port)).isFalse();
        }
    }

    @Test
    void enabledAgentThreadsAreDaemonsSoTheApplicationExitsWhenMainReturns() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("host=127.0.0.1,port=" + port)
                .args("exit", String.valueOf(port))
                .start()) {
            // main returned only after connecting to the exporter: the exporter was running, yet the JVM ends
            assertThat(app.awaitExit(STARTUP)).isZero();
            assertThat(app.output()).contains("DONE");
        }
    }

    @Test
    void applicationSettingNoDelayInMainStillGetsItOnItsOwnJdkServer() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0")
                .jvmArg("--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED")
                .args("nodelay")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            assertThat(app.output()).contains("NODELAY=true").contains("serving metrics on");
            app.metricsPort(); // the exporter itself is up too
        }
    }

    @Test
    void passwordIsMaskedAndEndpointsNeedCredentials() throws Exception {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,host=127.0.0.1,auth.username=prom,auth.password=hunter2")
                .start()) {
            String base = "http://127.0.0.1:" + app.metricsPort();
            HttpClient client = HttpClient.newHttpClient();
            assertThat(Scrape.get(base + "/metrics").statusCode()).isEqualTo(401);
            assertThat(Scrape.get(base + "/autoprom").statusCode()).isEqualTo(401);
            assertThat(Scrape.get(base + "/-/healthy").statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .header("Authorization", AgentEndpointsIT.basic("prom", "hunter3"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<String> status = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/autoprom"))
                            .header("Authorization", AgentEndpointsIT.basic("prom", "hunter2"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).doesNotContain("hunter2");
            JsonNode json = new ObjectMapper().readTree(status.body());
            assertThat(json.get("configuration")
                            .get("autoprom.auth.password")
                            .get("value")
                            .asText())
                    .isEqualTo("********");
            HttpResponse<String> metrics = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .header("Authorization", AgentEndpointsIT.basic("prom", "hunter2"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("autoprom_agent_info").doesNotContain("hunter2");
        }
    }

    private static boolean connects(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lines(String output, String prefix) {
        StringBuilder result = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                result.append(line).append('\n');
            }
        }
        return result.toString().trim();
    }
}
