package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient 5's HTTP/2-only async client ({@code H2AsyncClientBuilder}: h2c with prior knowledge, h2 by
 * ALPN over TLS). Its exec chain has the same {@code AsyncConnectExec} as {@code HttpAsyncClients}' client, so
 * the same hook records it: this proves it. The contract's client does not retry (one failure, one record); a
 * retry of the default strategy is a request of its own ({@link #aRetriedStreamIsOneRecordPerAttempt}).
 */
class ApacheHttpClient5H2IT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> client(connectTimeout, readTimeout, false);
    }

    private static ClientDriver.Client client(Duration connectTimeout, Duration readTimeout, boolean retries)
            throws Exception {
        H2AsyncClientBuilder builder = H2AsyncClientBuilder.create()
                .setTlsStrategy(new DefaultClientTlsStrategy(TestTls.clientContext()))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build());
        if (!retries) {
            builder.disableAutomaticRetries();
        }
        return ApacheHttpClient5AsyncIT.client(builder.build(), readTimeout);
    }

    @Test
    void aRetriedStreamIsOneRecordPerAttempt() throws Exception {
        // the response timeout resets the stream; the default strategy retries an idempotent GET once
        try (ClientDriver.Client retrying = client(CONNECT_TIMEOUT, Duration.ofMillis(300), true)) {
            assertThatThrownBy(() -> retrying.send("GET", server.url("/hold"))).isNotNull();
        }
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 2);
        assertThat(metrics.count("GET", "", "H2StreamResetException"))
                .as(metrics.lines())
                .isEqualTo(2);
        assertThat(server.served()).as("requests the server saw").isEqualTo(2);
    }

    @Override
    String readTimeoutError() {
        return "H2StreamResetException";
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
