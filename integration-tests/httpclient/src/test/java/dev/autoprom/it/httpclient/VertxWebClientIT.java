package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.HookCoverage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Vert.x 4 {@code WebClient} (vertx-web-client): recorded as the {@code HttpClient} requests it sends, once each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxWebClientIT extends HttpClientContract {

    private final Vertx vertx = VertxEventLoops.strict();

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> new ClientDriver.Client() {
            private final HttpClient http = VertxHttpClientIT.VertxClient.client(vertx, connectTimeout);
            private final WebClient web = WebClient.wrap(http);

            private HttpRequest<Buffer> request(String method, String url) {
                return web.requestAbs(HttpMethod.valueOf(method), url)
                        .followRedirects(true)
                        .idleTimeout(readTimeout.toMillis());
            }

            @Override
            public int send(String method, String url) throws Exception {
                return VertxHttpClientIT.await(request(method, url).send()).statusCode();
            }

            @Override
            public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
                request(method, url)
                        .send()
                        .onComplete(result -> callback.accept(
                                result.succeeded() ? result.result().statusCode() : null, result.cause()));
                return () -> {
                    throw new UnsupportedOperationException("a WebClient request cannot be cancelled");
                };
            }

            @Override
            public void close() throws Exception {
                web.close();
                VertxHttpClientIT.await(http.close());
            }
        };
    }

    @BeforeAll
    void warmUp() throws Exception {
        VertxEventLoops.warmUp(driver());
    }

    @AfterAll
    void noEventLoopWasBlocked() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        HookCoverage.port(ClientMetrics.AGENT_PORT)
                .assertAllHooksMatched("vertx-httpclient", System.getProperty("expected.vertx"));
        assertThat(VertxEventLoops.blockedInTheAgent())
                .as("blocked-thread reports in the agent's code (all: %s)", VertxEventLoops.BLOCKED)
                .isEmpty();
    }

    @Override
    @Test
    @Disabled("Vert.x 4's WebClient has no way to cancel a request it sent (VertxHttpClientIT covers reset())")
    void aCancelledAsynchronousRequestIsOneErroredRecordAndOneCallback() {}

    @Override
    String refusedError() {
        return "AnnotatedConnectException";
    }

    @Override
    String connectTimeoutError() {
        return "ConnectTimeoutException";
    }

    @Override
    String readTimeoutError() {
        return "NoStackTraceTimeoutException";
    }
}
