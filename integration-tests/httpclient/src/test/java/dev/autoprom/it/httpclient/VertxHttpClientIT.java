package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.HookCoverage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Vert.x 4 {@code HttpClient}: futures, redirects followed by the client (each hop its own request), the
 * application cancelling by {@code reset()}. Every test also proves no event loop was blocked
 * ({@link VertxEventLoops}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VertxHttpClientIT extends HttpClientContract {

    private final Vertx vertx = VertxEventLoops.strict();

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> new VertxClient(vertx, connectTimeout, readTimeout);
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

    @Override
    String cancelledError() {
        return "StreamResetException";
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static final class VertxClient implements ClientDriver.Client {
        private final HttpClient client;
        private final Duration readTimeout;

        VertxClient(Vertx vertx, Duration connectTimeout, Duration readTimeout) throws Exception {
            this.client = client(vertx, connectTimeout);
            this.readTimeout = readTimeout;
        }

        /** The client the tests use, as Vert.x 4 and 5 both build it. */
        static HttpClient client(Vertx vertx, Duration connectTimeout) throws Exception {
            return vertx.createHttpClient(
                    new HttpClientOptions()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setTrustOptions(TrustOptions.wrap(TestTls.trustManager())),
                    new PoolOptions().setHttp1MaxSize(32));
        }

        private Future<HttpClientRequest> request(String method, String url) {
            return client.request(new RequestOptions()
                    .setMethod(HttpMethod.valueOf(method))
                    .setAbsoluteURI(url)
                    .setFollowRedirects(true)
                    .setIdleTimeout(readTimeout.toMillis()));
        }

        private static Future<Integer> status(HttpClientRequest request) {
            return request.send().compose(response -> response.body().map(body -> response.statusCode()));
        }

        @Override
        public int send(String method, String url) throws Exception {
            return await(request(method, url).compose(VertxClient::status));
        }

        @Override
        public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            request(method, url)
                    .onSuccess(sent::set)
                    .compose(VertxClient::status)
                    .onComplete(result -> callback.accept(result.result(), result.cause()));
            return () -> sent.get().reset();
        }

        @Override
        public void close() throws Exception {
            await(client.close());
        }
    }
}
