package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.AgentStatus;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    void pipelinedRequestsOnOneConnectionAreEachRecorded() throws Exception {
        // Vert.x answers them one after the other on the connection: the per-connection state is reused for each
        double before = http.scrape().sum(HttpFamily.DURATION + "_count", HttpFamily.series("GET", 200, "/load", ""));
        try (Socket socket = new Socket("127.0.0.1", http.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /load HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3).getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder answers = new StringBuilder();
            while (answers.toString().split("\r\n\r\nok", -1).length < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                answers.append((char) b);
            }
            assertThat(answers.toString().split("HTTP/1.1 200", -1)).hasSize(4);
        }
        http.awaitCount((long) before + 3, HttpFamily.series("GET", 200, "/load", ""));
        http.awaitNoActive();
    }

    @Test
    void vertxWebIsApplied() {
        http.get("/hello", 1, 200);
        assertThat(AgentStatus.port(childJvm().metricsPort()).applied("vertx-web"))
                .as("vertx-web applied")
                .isTrue();
    }
}
