package dev.autoprom.it.http.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import testapp.spring.SpringApp;

/** Spring MVC's best-matching pattern is the route; DispatcherServlet inside Tomcat counts once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootIT {

    private static final String COUNT = "http_server_request_duration_seconds_count";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ChildJvm app;
    private int port;

    @BeforeAll
    void start() {
        app = ChildJvm.main(SpringApp.class).start();
        port = Integer.parseInt(app.awaitOutput("ready port=(\\d+)", Duration.ofSeconds(90)).group(1));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void threeHundredIdsAreOneSeries() throws Exception {
        for (int id = 0; id < 300; id++) {
            HttpResponse<String> response = get("/users/" + id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("user " + id);
        }
        Scrape scrape = awaitCount(300, "/users/{id}", 200, "");
        assertThat(scrape.find(COUNT)).noneMatch(s -> s.labels().get("http_route").matches(".*/users/\\d+.*"));
    }

    @Test
    void exceptionHandlerStatusAndUnhandledException() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(get("/orders/" + i + "/cancel").statusCode()).isEqualTo(409);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(get("/boom").statusCode()).isEqualTo(500);
        }
        awaitCount(4, "/orders/{id}/cancel", 409, "");
        awaitCount(2, "/boom", 500, "java.lang.IllegalStateException");
    }

    @Test
    void asyncHandlerIsTimedToCompletion() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/slow/" + i).body()).isEqualTo("slow " + i);
        }
        Scrape scrape = awaitCount(3, "/slow/{id}", 200, "");
        assertThat(scrape.value("http_server_request_duration_seconds_sum", labels("/slow/{id}", 200, "")))
                .isGreaterThanOrEqualTo(0.6);
        awaitUntil(s -> s.find("http_server_active_requests").stream().allMatch(x -> x.value() == 0));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] labels(String route, int status, String errorType) {
        return new String[] {"http_request_method", "GET", "http_response_status_code", String.valueOf(status),
                "http_route", route, "url_scheme", "http", "error_type", errorType};
    }

    private Scrape awaitCount(long expected, String route, int status, String errorType) {
        String[] labels = labels(route, status, errorType);
        Scrape scrape = awaitUntil(s -> s.sum(COUNT, labels) >= expected);
        assertThat(scrape.value(COUNT, labels)).as(route).isEqualTo(expected);
        return scrape;
    }

    private Scrape awaitUntil(java.util.function.Predicate<Scrape> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape scrape = app.scrape();
        while (!condition.test(scrape) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            scrape = app.scrape();
        }
        return scrape;
    }
}
