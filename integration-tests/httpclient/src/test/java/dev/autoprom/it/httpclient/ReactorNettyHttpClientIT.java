package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoprom.it.harness.HookCoverage;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's {@code HttpClient} 1.2, blocking ({@code block()}) and subscribed to; it follows redirects
 * (each hop its own request). Its failures are Netty's: a refused connect is Netty's {@code ConnectException}
 * subclass, a connect timeout Netty's {@code ConnectTimeoutException}, the response timeout a
 * {@code ReadTimeoutException}.
 */
class ReactorNettyHttpClientIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return ReactorNettyHttpClientIT::client;
    }

    static ReactorClient client(Duration connectTimeout, Duration readTimeout) throws Exception {
        SslContext tls = SslContextBuilder.forClient()
                .trustManager(TestTls.trustManager())
                .build();
        return new ReactorClient(connectTimeout, readTimeout, tls);
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
        return "ReadTimeoutException";
    }

    @Test
    void anUntrustedCertificateIsOneErroredRecord() throws Exception {
        try (ReactorClient trusting = new ReactorClient(
                CONNECT_TIMEOUT, READ_TIMEOUT, SslContextBuilder.forClient().build())) {
            assertThatThrownBy(() -> trusting.send("GET", server.tlsUrl("/status/200")))
                    .isNotNull();
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.tlsPort(), 1);
        assertThat(metrics.countOf("127.0.0.1", "https", "GET", "", "", "SSLHandshakeException"))
                .as(metrics.lines())
                .isEqualTo(1);
    }

    static final class ReactorClient implements ClientDriver.Client {
        final ConnectionProvider pool;
        final HttpClient client;

        ReactorClient(Duration connectTimeout, Duration readTimeout, SslContext tls) {
            pool = ConnectionProvider.builder("it").maxConnections(32).build();
            client = HttpClient.create(pool)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                    .responseTimeout(readTimeout)
                    .followRedirect(true)
                    .secure(spec -> spec.sslContext(tls));
        }

        Mono<Integer> status(String method, String url) {
            return client.request(HttpMethod.valueOf(method))
                    .uri(url)
                    .responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .thenReturn(response.status().code()));
        }

        @Override
        public int send(String method, String url) {
            return status(method, url).block(Duration.ofSeconds(60));
        }

        @Override
        public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
            Disposable subscription = status(method, url)
                    .doOnCancel(() -> callback.accept(null, new CancellationException("cancelled by the test")))
                    .subscribe(status -> callback.accept(status, null), failure -> callback.accept(null, failure));
            return subscription::dispose;
        }

        @Override
        public void close() {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    /** After the contract: every hook of the instrumentation matched this Reactor Netty and transformed a class. */
    @AfterAll
    static void everyHookMatchedThisVersion() {
        HookCoverage.port(ClientMetrics.AGENT_PORT)
                .assertAllHooksMatched("reactor-netty-httpclient", System.getProperty("expected.reactor-netty"));
    }
}
