package dev.autoprom.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Sample;
import dev.autoprom.it.harness.Scrape;
import hardeningapp.AttackApp;
import hardeningapp.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link AttackApp}: 100,000 distinct raw paths (plus 1,000 invented methods and 200 real routes), 100,000 distinct
 * SQL statements with literals (plus 200 databases), 100,000 distinct model names, and WebSocket handshakes to 200
 * distinct hosts. Every metric keeps at most
 * {@code autoprom.cardinality.limit} label sets plus its {@code _overflow} set, nothing is lost (the totals are
 * exact), {@code autoprom_series_overflow_total} counts exactly what went to the overflow series, and the heap
 * after GC grows by a bounded amount.
 */
class CardinalityAttackIT {

    private static final int N = 100_000;
    private static final Duration RUN = Duration.ofSeconds(150);
    private static final String HTTP = "http_server_request_duration_seconds";
    private static final String DB = "db_client_operation_duration_seconds";
    private static final String AI = "gen_ai_client_operation_duration_seconds";
    private static final String TOKENS = "gen_ai_client_token_usage";
    private static final String WS = "websocket_client_connect_duration_seconds";

    @Test
    void everyFamilyUnderASmallLimit() {
        try (ChildJvm app = attack("http,sql,ai,ws", 50)) {
            Scrape scrape = app.scrape();
            long http = Endpoints.printed(app, "HTTP_REQUESTS");
            long sql = Endpoints.printed(app, "SQL_STATEMENTS");
            long ai = Endpoints.printed(app, "AI_CALLS");
            assertThat(http).isEqualTo(100 + N + 1000 + 200);
            assertThat(sql).isEqualTo(100 + N + 200);
            assertThat(ai).isEqualTo(100 + N);

            assertCapped(scrape, HTTP, 50, http);
            assertCapped(scrape, DB, 50, sql);
            assertCapped(scrape, AI, 50, ai);
            long successfulCalls = ai - ai / 10; // every 10th model was rate-limited: no tokens
            assertCapped(scrape, TOKENS, 50, 2 * successfulCalls);
            long ws = Endpoints.printed(app, "WS_CONNECTS");
            assertThat(ws).isEqualTo(10 + 200);
            assertCapped(scrape, WS, 50, ws);
            assertThat(values(scrape, WS, "server_address"))
                    .allMatch(a -> a.matches("127\\.0\\.\\d+\\.\\d+") || a.equals("_overflow"));

            // what the kept series say: routes are context paths, methods are known or _OTHER, SQL is a keyword
            assertThat(values(scrape, HTTP, "http_route"))
                    .allMatch(r -> r.equals("/items/") || r.matches("/ctx\\d+") || r.equals("_overflow"));
            assertThat(values(scrape, HTTP, "http_request_method")).isSubsetOf("GET", "_OTHER", "_overflow");
            assertThat(values(scrape, DB, "db_operation_name")).isSubsetOf("SELECT", "_overflow");
            assertThat(scrape.value(HTTP + "_count", "http_route", "/items/", "http_request_method", "_OTHER"))
                    .isEqualTo(1000);
            assertThat(scrape.find("http_server_active_requests")).hasSizeLessThanOrEqualTo(3);
            String text = scrape.text();
            assertThat(text)
                    .doesNotContain(
                            Stack.SQL_SECRET, Stack.URL_TOKEN, Stack.USER_INFO_PASSWORD, "alice", "/items/1", "M1X");

            long growth = Endpoints.printed(app, "HEAP_GROWTH");
            System.out.printf(
                    "cardinality attack (limit 50, 3 x 100,000): heap after GC grew %,d bytes; overflow "
                            + "http %,.0f db %,.0f genai %,.0f tokens %,.0f websocket %,.0f; scrape %,d bytes%n",
                    growth,
                    overflow(scrape, HTTP),
                    overflow(scrape, DB),
                    overflow(scrape, AI),
                    overflow(scrape, TOKENS),
                    overflow(scrape, WS),
                    text.length());
            assertThat(growth).as("heap growth after GC").isLessThan(16L << 20);
        }
    }

    @Test
    void modelNamesUnderTheDefaultLimit() {
        try (ChildJvm app = attack("ai", 0)) {
            Scrape scrape = app.scrape();
            long ai = Endpoints.printed(app, "AI_CALLS");
            assertCapped(scrape, AI, 2000, ai);
            assertCapped(scrape, TOKENS, 2000, 2 * (ai - ai / 10));
            // every model name is its own label set: all past the first 2,000 overflowed
            assertThat(overflow(scrape, AI)).isEqualTo(ai - 2000);
            long growth = Endpoints.printed(app, "HEAP_GROWTH");
            System.out.printf(
                    "cardinality attack (default limit 2000, 100,000 models): heap after GC grew %,d "
                            + "bytes; overflow genai %,.0f tokens %,.0f; scrape %,d bytes%n",
                    growth,
                    overflow(scrape, AI),
                    overflow(scrape, TOKENS),
                    scrape.text().length());
            assertThat(growth).as("heap growth after GC").isLessThan(32L << 20);
        }
    }

    private static ChildJvm attack(String phases, int limit) {
        ChildJvm.Builder builder = ChildJvm.main(AttackApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                // the JDK server otherwise answers keep-alive requests at Nagle/delayed-ACK pace
                .property("sun.net.httpserver.nodelay", "true")
                .jvmArg("-Xmx512m")
                .args(phases, String.valueOf(N));
        if (limit > 0) {
            builder.property("autoprom.cardinality.limit", String.valueOf(limit));
        }
        ChildJvm app = builder.start();
        app.awaitOutput("ATTACK DONE", RUN);
        return app;
    }

    /**
     * At most {@code limit} label sets plus one overflow set, whose labels are all {@code _overflow}; the counts
     * add up to every observation made; the overflow counter equals the overflow series' count.
     */
    private static void assertCapped(Scrape scrape, String metric, int limit, long observations) {
        List<Sample> counts = scrape.find(metric + "_count");
        List<Sample> overflow = counts.stream()
                .filter(s -> s.labels().containsValue("_overflow"))
                .collect(Collectors.toList());
        assertThat(overflow).as(metric + " overflow series").hasSize(1);
        assertThat(Set.copyOf(overflow.get(0).labels().values())).as(metric).containsExactly("_overflow");
        assertThat(counts).as(metric + " label sets").hasSize(limit + 1);
        assertThat(counts.stream().mapToDouble(Sample::value).sum())
                .as(metric + " observations")
                .isEqualTo(observations);
        assertThat(scrape.value("autoprom_series_overflow_total", "metric", metric))
                .as(metric + " overflow counter")
                .isEqualTo(overflow.get(0).value());
        assertThat(overflow.get(0).value()).isPositive();
    }

    private static double overflow(Scrape scrape, String metric) {
        return scrape.value("autoprom_series_overflow_total", "metric", metric);
    }

    private static Set<String> values(Scrape scrape, String metric, String label) {
        return scrape.find(metric + "_count").stream()
                .map(Sample::labels)
                .map(l -> l.get(label))
                .collect(Collectors.toSet());
    }
}
