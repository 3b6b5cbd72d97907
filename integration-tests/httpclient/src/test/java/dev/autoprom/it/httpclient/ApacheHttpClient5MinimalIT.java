package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 5's minimal async client ({@code HttpAsyncClients.createMinimal}): no exec chain (no
 * {@code AsyncConnectExec}), no redirects followed. Its {@code execute(exchangeHandler, ...)} is hooked instead.
 */
class ApacheHttpClient5MinimalIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> ApacheHttpClient5AsyncIT.client(
                HttpAsyncClients.createMinimal(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnPerRoute(32)
                        .setMaxConnTotal(64)
                        .setTlsStrategy(new DefaultClientTlsStrategy(TestTls.clientContext()))
                        .build()),
                readTimeout);
    }

    /**
     * The minimal client does not abort a request the application cancelled once it has its connection (its
     * cancel only reaches the connection lease): the application hears of the cancel at once, once, while the
     * request stays on the wire, counted active, and is recorded with the answer it gets.
     */
    @Override
    @Test
    void aCancelledAsynchronousRequestIsOneErroredRecordAndOneCallback() throws Exception {
        AtomicInteger callbacks = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        ClientDriver.Call call = client.sendAsync("GET", server.url("/hold"), (status, thrown) -> {
            callbacks.incrementAndGet();
            failure.set(thrown);
            called.countDown();
        });
        server.awaitHolding(1);
        call.cancel();
        assertThat(called.await(2, TimeUnit.SECONDS))
                .as("the application's callback ran")
                .isTrue();
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        ClientMetrics during = ClientMetrics.await(server.port(), m -> m.active("GET") == 1);
        assertThat(during.total())
                .as("nothing recorded while the request is on the wire")
                .isEqualTo(0);
        server.release();
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 1);
        assertThat(metrics.count("GET", "200", "")).as(metrics.lines()).isEqualTo(1);
        assertThat(callbacks.get()).as("callbacks").isEqualTo(1);
    }

    @Override
    Map<String, Integer> redirectRecords() {
        return Map.of("302", 1);
    }

    @Override
    String refusedError() {
        return "HttpHostConnectException";
    }

    @Override
    String connectTimeoutError() {
        return "ConnectTimeoutException";
    }
}
