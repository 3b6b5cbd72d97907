package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentStatus;
import org.junit.jupiter.api.Test;
import testapp.vertx.VertxApp;

/** Vert.x core's HTTP server with Vert.x Web routes (4.5 here, 5 in http-vertx5: the same source). */
class VertxIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return VertxApp.class;
    }

    @Override
    protected String itemsRoute() {
        return "/items/:id";
    }

    @Override
    protected String instrumentation() {
        return "vertx";
    }

    @Test
    void vertxWebIsApplied() {
        http.get("/hello", 1, 200);
        assertThat(AgentStatus.port(childJvm().metricsPort()).applied("vertx-web"))
                .as("vertx-web applied")
                .isTrue();
    }
}
