package dev.autoprom.it.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.ChildJvm;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Basic auth with a SHA-256 password hash, and HTTPS from a PKCS12 keystore, with real HTTP clients. */
class ExporterSecurityIT {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    /** The hostile-client tests' keystore (CN=localhost, 127.0.0.1, password changeit), made once per test JVM. */
    static Path keystore;

    @BeforeAll
    static void createKeystore() {
        keystore = ExporterUnderTest.keystore();
    }

    @Test
    void sha256PasswordHashIsAccepted() throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest("hunter2".getBytes(StandardCharsets.UTF_8)));
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,host=127.0.0.1,auth.username=prom,auth.password.sha256=" + hash)
                .start()) {
            String url = "http://127.0.0.1:" + app.metricsPort() + "/metrics";
            HttpClient client = HttpClient.newHttpClient();
            assertThat(client.send(
                                    HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> ok = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", AgentEndpointsIT.basic("prom", "hunter2"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("autoprom_agent_info").doesNotContain(hash);
        }
    }

    @Test
    void httpsOnlyWithAKeystore() throws Exception {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,host=127.0.0.1,tls.keystore.path=" + keystore + ",tls.keystore.password=changeit")
                .start()) {
            app.awaitOutput("serving metrics on https://", STARTUP);
            int port = app.metricsPort();
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
            HttpResponse<String> response = trusting.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/metrics"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("autoprom_agent_info");
            // plain HTTP on the same port gets no metrics
            assertThatThrownBy(() -> HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void wrongKeystorePasswordLogsOneLineAndTheApplicationRuns() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,tls.keystore.path=" + keystore + ",tls.keystore.password=wrong")
                .start()) {
            app.awaitOutput("READY", STARTUP);
            app.awaitOutput("cannot use autoprom.tls.keystore.path", STARTUP);
            assertThat(app.isAlive()).isTrue();
            assertThat(app.output())
                    .doesNotContain("serving metrics on")
                    .doesNotContain("wrong")
                    .contains("expected a readable PKCS12 keystore and its password in autoprom.tls.keystore.password");
        }
    }

    @Test
    void missingKeystoreUnderFailFastRefusesToStart() {
        try (ChildJvm app = ChildJvm.main(PlainApp.class)
                .agentArgs("port=0,fail.fast=true,tls.keystore.path=/nonexistent.p12")
                .start()) {
            assertThat(app.awaitExit(STARTUP)).isNotZero();
            assertThat(app.output()).doesNotContain("READY").contains("cannot use autoprom.tls.keystore.path");
        }
    }

    private static SSLContext trusting() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
