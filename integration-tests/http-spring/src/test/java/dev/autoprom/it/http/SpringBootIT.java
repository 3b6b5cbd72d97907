package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.spring.SpringApp;

/** Spring MVC's best-matching pattern is the route; the DispatcherServlet inside Tomcat counts once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootIT {

    private ChildJvm app;
    private HttpFamily http;

    @BeforeAll
    void start() {
        app = ChildJvm.main(SpringApp.class).start();
        http = new HttpFamily(app);
    }

    @AfterAll
    void stop() {
        try {
            http.assertNoAgentErrors();
        } finally {
            app.close();
        }
    }

    @Test
    void threeHundredIdsAreOneSeries() {
        for (int id = 0; id < 300; id++) {
            HttpResponse<String> response = http.get("/users/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("user " + id);
        }
        Scrape scrape = http.awaitCount(300, series("GET", 200, "/users/{id}", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.matches(".*/users/\\d+.*"));
        http.hooks().assertHooksMatchedClasses("servlet", "JakartaServletAdvice");
    }

    @Test
    void exceptionHandlerStatusAndUnhandledException() {
        for (int i = 0; i < 4; i++) {
            assertThat(http.get("/orders/" + i + "/cancel").statusCode()).isEqualTo(409);
        }
        http.get("/boom", 2, 500);
        http.awaitCount(4, series("GET", 409, "/orders/{id}/cancel", ""));
        http.awaitCount(2, series("GET", 500, "/boom", "java.lang.IllegalStateException"));
    }

    @Test
    void unmatchedPathsGetSpringsResourcePatternNotTheirPath() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/nope-" + i).statusCode()).isEqualTo(404);
        }
        Scrape scrape = http.awaitCount(5, series("GET", 404, "/**", ""));
        assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("nope"));
    }

    @Test
    void asyncHandlerIsTimedToCompletion() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/slow/" + i).body()).isEqualTo("slow " + i);
        }
        Scrape scrape = http.awaitCount(3, series("GET", 200, "/slow/{id}", ""));
        assertThat(scrape.value(HttpFamily.DURATION + "_sum", series("GET", 200, "/slow/{id}", "")))
                .isGreaterThanOrEqualTo(0.6);
        http.awaitNoActive();
    }
}
