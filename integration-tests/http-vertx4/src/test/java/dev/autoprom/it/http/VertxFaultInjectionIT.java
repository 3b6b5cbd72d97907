package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import testapp.vertx.VertxApp;

class VertxFaultInjectionIT extends FaultInjectedServerCheck {

    @Override
    protected ChildJvm.Builder launch() {
        return ChildJvm.main(VertxApp.class);
    }

    /**
     * The HTTP/2 stream hooks under fault injection: h2c by prior knowledge and h2 over TLS answer as without the
     * agent, the real advice still records each stream exactly, and the injected faults were thrown on the stream
     * hooks (at least begin, end and close, enter and exit, per stream).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void failingHttp2AdviceChangesNothingTheClientSees() throws Exception {
        try (ChildJvm app = ChildJvm.main(VertxApp.class)
                .args("tls")
                .property("autoprom.test.fault.injection", "true")
                .start()) {
            HttpFamily http = new HttpFamily(app);
            int httpsPort = Integer.parseInt(
                    app.awaitOutput("https port=(\\d+)", Duration.ofSeconds(30)).group(1));
            double errorsBefore = http.scrape().sum("autoprom_agent_errors_total", "component", "advice");
            Vertx vertx = Vertx.vertx();
            try {
                HttpClient h2c = vertx.createHttpClient(VertxHttp2IT.priorKnowledge());
                HttpClient h2 = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_2)
                        .setSsl(true)
                        .setUseAlpn(true)
                        .setTrustAll(true)
                        .setVerifyHost(false));
                for (int i = 0; i < 3; i++) {
                    assertThat(VertxHttp2IT.get(h2c, http.port, "/items/" + i)).isEqualTo("HTTP_2 200 item " + i);
                    assertThat(VertxHttp2IT.get(h2, httpsPort, "/items/" + i)).isEqualTo("HTTP_2 200 item " + i);
                    assertThat(VertxHttp2IT.get(h2c, http.port, "/fail")).startsWith("HTTP_2 500");
                }
            } finally {
                VertxHttp2IT.await(vertx.close());
            }
            http.awaitCount(3, series("GET", 200, "/items/:id", ""));
            http.awaitCount(3, series("GET", 200, "/items/:id", "", "https"));
            Scrape scrape = http.awaitCount(3, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            assertThat(scrape.sum("autoprom_agent_errors_total", "component", "advice") - errorsBefore)
                    .as("9 streams, each through registerMetrics, endWritten and onClose (enter and exit)")
                    .isGreaterThanOrEqualTo(9 * 6);
            http.awaitNoActive();
            assertThat(app.output()).doesNotContain("Exception in thread");
        }
    }
}
