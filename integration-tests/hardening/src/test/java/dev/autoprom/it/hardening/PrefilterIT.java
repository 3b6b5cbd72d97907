package dev.autoprom.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import hardeningapp.WorkloadApp;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent's start-up cost rests on its pre-filter: every class the JVM loads is judged from its name and raw
 * class file, and only a few reach ByteBuddy to be parsed and matched. {@link WorkloadApp} (JDK HTTP server,
 * HikariCP over H2, the JDK WebSocket client, the OpenAI SDK: thousands of classes) is run with debug logging,
 * which names every class that passed the pre-filter ({@code candidate}) and every class transformed.
 */
class PrefilterIT {

    private static final Pattern CANDIDATE = Pattern.compile("\\[autoprom] DEBUG candidate (\\S+) ");
    private static final Pattern TRANSFORMED =
            Pattern.compile("\\[autoprom] DEBUG instrumentation \\S+ transforms (\\S+)");

    @Test
    void onlyAFewClassesReachTheMatchersAndEveryInstrumentedOneIsAmongThem() {
        try (ChildJvm app = ChildJvm.main(WorkloadApp.class)
                .agentArgs("port=0,host=127.0.0.1,log.level=debug")
                .start()) {
            app.awaitOutput("WORKLOAD DONE", Duration.ofSeconds(90));
            double loaded = app.scrape().sum("jvm_classes_loaded_total");
            Set<String> candidates = all(CANDIDATE, app.output());
            Set<String> transformed = all(TRANSFORMED, app.output());
            System.out.println("pre-filter: " + candidates.size() + " candidates of " + (long) loaded
                    + " loaded classes, " + transformed.size() + " transformed");

            assertThat(transformed)
                    .contains(
                            "sun.net.httpserver.HttpServerImpl",
                            "com.zaxxer.hikari.pool.HikariPool",
                            "org.h2.jdbc.JdbcConnection",
                            "org.h2.jdbc.JdbcPreparedStatement",
                            "jdk.internal.net.http.websocket.WebSocketImpl",
                            "com.openai.services.blocking.chat.ChatCompletionServiceImpl");
            assertThat(candidates).containsAll(transformed);
            // HikariCP's wrappers are left to the driver's statements, which record the same operation
            assertThat(transformed).noneMatch(name -> name.startsWith("com.zaxxer.hikari.pool.HikariProxy"));
            // the JDK, the agent and what it bundles never get that far (but the two executors the methods
            // family reads, by name)
            assertThat(candidates)
                    .noneMatch(name -> name.startsWith("java.")
                                    && !name.equals("java.util.concurrent.ThreadPoolExecutor")
                                    && !name.equals("java.util.concurrent.ForkJoinWorkerThread")
                            || name.startsWith("dev.autoprom.")
                            || name.startsWith("jdk.") && !name.startsWith("jdk.internal.net.http."));
            // fewer than one loaded class in twenty is parsed for the matchers
            assertThat(candidates.size() * 20.0).isLessThan(loaded);
        }
    }

    private static Set<String> all(Pattern pattern, String output) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(output);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
