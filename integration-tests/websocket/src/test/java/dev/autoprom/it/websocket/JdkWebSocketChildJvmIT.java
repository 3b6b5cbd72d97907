package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code java.net.http.WebSocket} in a fresh JVM: on Java 25 (its {@code jdk.internal.net.http.websocket}
 * implementation differs from 17's), and on 17 with the family switched off (nothing recorded, the application
 * unaffected).
 */
class JdkWebSocketChildJvmIT {

    private static final Path JAVA_25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");

    @Test
    void recordsExactValuesOnJava25() {
        Assumptions.assumeTrue(Files.isDirectory(JAVA_25), "Temurin 25 is not installed at " + JAVA_25);
        String host = EchoServers.uniqueHost();
        try (ChildJvm app = ChildJvm.main(JdkClientMain.class)
                .javaHome(JAVA_25)
                .args(EchoServers.echo(host).toString())
                .start()) {
            app.awaitOutput("ECHOED 13 CLOSED 1000", Duration.ofSeconds(60));
            Scrape scrape = app.scrape();
            String[] jdk = {"websocket_library", "jdk", "server_address", host};
            assertThat(scrape.value(
                            "websocket_client_message_size_bytes_count",
                            with(jdk, "direction", "sent", "websocket_message_type", "text")))
                    .as(scrape.text())
                    .isEqualTo(10);
            assertThat(scrape.value(
                            "websocket_client_message_size_bytes_sum",
                            with(jdk, "direction", "received", "websocket_message_type", "binary")))
                    .isEqualTo(3000);
            assertThat(scrape.value(
                            "websocket_client_connection_duration_seconds_count",
                            with(jdk, "websocket_close_code", "1000")))
                    .isEqualTo(1);
            assertThat(scrape.value("websocket_client_connections_active", jdk)).isEqualTo(0);
            assertThat(scrape.sum("autoprom_agent_errors_total")).isEqualTo(0);
        }
    }

    @Test
    void familySwitchedOffRecordsNothingAndTheApplicationWorks() {
        String host = EchoServers.uniqueHost();
        try (ChildJvm app = ChildJvm.main(JdkClientMain.class)
                .property("autoprom.instrumentation.websocket.enabled", "false")
                .args(EchoServers.echo(host).toString())
                .start()) {
            app.awaitOutput("ECHOED 13 CLOSED 1000", Duration.ofSeconds(60));
            Scrape scrape = app.scrape();
            assertThat(scrape.find("websocket_client_message_size_bytes_count")).isEmpty();
            assertThat(scrape.find("websocket_client_connect_duration_seconds_count"))
                    .isEmpty();
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
