package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import org.junit.jupiter.api.Test;
import testapp.JerseyApp;

/** JAX-RS templates (class @Path + method @Path) behind a servlet's /api/* mapping, or the JDK server's /api context. */
class JerseyIT {

    @Test
    void resourceTemplateIsTheRouteOnAServletContainer() {
        resourceTemplateIsTheRoute();
    }

    @Test
    void resourceTemplateIsTheRouteOnTheJdkServer() {
        resourceTemplateIsTheRoute("jdk");
    }

    private static void resourceTemplateIsTheRoute(String... args) {
        try (ChildJvm app = ChildJvm.main(JerseyApp.class).args(args).start()) {
            HttpFamily http = new HttpFamily(app);
            for (int i = 0; i < 40; i++) {
                assertThat(http.get("/api/greetings/user" + i).body()).isEqualTo("hi user" + i);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(http.send("POST", "/api/greetings").statusCode()).isEqualTo(201);
            }
            Scrape scrape = http.awaitCount(40, series("GET", 200, "/api/greetings/{name}", ""));
            http.awaitCount(3, series("POST", 201, "/api/greetings", ""));
            assertThat(HttpFamily.labelValues(scrape)).noneMatch(v -> v.contains("user"));
            http.hooks().assertHooksMatchedClasses("jaxrs", "ResourceMethodAdvice");
            http.assertNoAgentErrors();
        }
    }
}
