package dev.autoprom.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import hardeningapp.SoakApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The short soak: {@link SoakApp} for 60 s (4 workers over every family, heap after GC sampled every 5 s between
 * rounds). The heap after GC grows by less than 8 MiB between the sample at 15 s and the last one, every round's
 * operations are counted exactly, and nothing is left open. ({@code bench/soak/run.sh} is the 10-minute version.)
 */
class SoakIT {

    private static final Pattern SAMPLE = Pattern.compile("HEAP t=(\\d+) used=(\\d+)");

    @Test
    void heapAfterGcStaysFlatUnderMixedLoad() {
        try (ChildJvm app = ChildJvm.main(SoakApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .property("sun.net.httpserver.nodelay", "true")
                // a bounded heap, and soft references cleared by every GC: the samples then show what is strongly
                // held (a leak), not caches the JVM would drop under pressure
                .jvmArg("-Xmx256m")
                .jvmArg("-XX:SoftRefLRUPolicyMSPerMB=0")
                .args("60", "5", "4")
                .start()) {
            app.awaitOutput("SOAK DONE", Duration.ofSeconds(180));
            assertThat(Endpoints.printed(app, "FAILURES")).isZero();
            long rounds = Endpoints.printed(app, "ROUNDS");
            assertThat(rounds).as("rounds of load").isGreaterThan(200);

            List<long[]> samples = new ArrayList<>();
            Matcher m = SAMPLE.matcher(app.output());
            while (m.find()) {
                samples.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
            assertThat(samples).hasSize(12);
            long atQuarter =
                    samples.stream().filter(s -> s[0] == 15).findFirst().orElseThrow()[1];
            long last = samples.get(samples.size() - 1)[1];
            long growth = last - atQuarter;
            System.out.printf(
                    "soak 60 s: %,d rounds; heap after GC %,d bytes at 15 s, %,d at 60 s (growth %,d); "
                            + "slope %,d bytes/min%n",
                    rounds, atQuarter, last, growth, Endpoints.printed(app, "SLOPE_BYTES_PER_MIN"));
            assertThat(growth).as("heap growth after GC from 0.25 to 1 minute").isLessThan(8L << 20);

            Scrape scrape = app.scrape();
            assertThat(scrape.sum("http_server_request_duration_seconds_count", "http_route", "/items/"))
                    .isEqualTo(rounds);
            assertThat(scrape.sum(
                            "db_client_operation_duration_seconds_count",
                            "db_namespace",
                            "soak",
                            "db_operation_name",
                            "SELECT"))
                    .isEqualTo(rounds);
            assertThat(scrape.sum(
                            "db_client_operation_duration_seconds_count",
                            "db_namespace",
                            "soak",
                            "db_operation_name",
                            "UPDATE"))
                    .isEqualTo(rounds);
            assertThat(scrape.sum("gen_ai_client_operation_duration_seconds_count"))
                    .isEqualTo(rounds);
            assertThat(scrape.sum("websocket_client_connections_active")).isZero();
            assertThat(scrape.sum("http_server_active_requests")).isZero();
            for (Sample error : scrape.find("autoprom_agent_errors_total")) {
                assertThat(error.value()).as(error.toString()).isZero();
            }
        }
    }
}
