package dev.autoprom.it.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.boot.TimedAspectApp;

/**
 * Spring Boot 3.5 with TimedAspect: the application's registry and the agent each see every call once; and
 * Spring's ThreadPoolTaskExecutor is seen as the JDK pool it wraps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringTimedAspectIT {

    private ChildJvm app;

    @BeforeAll
    void start() {
        app = ChildJvm.main(TimedAspectApp.class)
                .agentArgs("port=0,host=127.0.0.1")
                .start();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void exactlyOneRecordPerCallInEachRegistry() {
        assertThat(app.awaitOutput("proxied=(\\w+) registry count=(\\d+)", Duration.ofSeconds(90))
                        .group(0))
                .isEqualTo("proxied=true registry count=7");
        Scrape s = app.scrape();
        assertThat(s.find("greet_call_seconds_count")).hasSize(1);
        assertThat(s.value(
                        "greet_call_seconds_count",
                        "class",
                        "testapp.boot.Greeter",
                        "method",
                        "greet",
                        "exception",
                        "none",
                        "lang",
                        "en"))
                .isEqualTo(7);
        // Spring's ThreadPoolTaskExecutor: the JDK pool underneath, named by the prefix it was given
        assertThat(s.value("executor_completed_tasks_total", "name", "jobs")).isEqualTo(5);
        assertThat(s.value("executor_pool_max_threads", "name", "jobs")).isEqualTo(3);
        assertThat(s.sum("autoprom_agent_errors_total")).isEqualTo(0);
    }
}
