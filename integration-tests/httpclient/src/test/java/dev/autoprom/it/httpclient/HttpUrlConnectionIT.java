package dev.autoprom.it.httpclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;

/** {@code java.net.HttpURLConnection}, used the usual way: open, set up, (write), read the status and body. */
class HttpUrlConnectionIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) ->
                (ClientDriver.Client) (method, url) -> send(method, url, connectTimeout, readTimeout);
    }

    /**
     * {@code disconnect()} from another thread is how an application cancels a blocking {@code HttpURLConnection}:
     * the read fails, and that is one errored record, as a cancelled call of the other clients.
     */
    @Test
    void aDisconnectDuringTheReadIsOneErroredRecord() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(server.url("/hold")).openConnection();
        connection.setReadTimeout(20_000);
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                connection.getResponseCode();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        server.awaitHolding(1);
        connection.disconnect();
        assertThat(failure.get(20, TimeUnit.SECONDS)).as("the read failed").isNotNull();
        ClientMetrics metrics = ClientMetrics.awaitTotal(server.port(), 1);
        assertThat(metrics.durationSeries())
                .as(metrics.lines())
                .singleElement()
                .satisfies(s -> assertThat(s.labels().get("error_type")).isNotEmpty())
                .satisfies(s ->
                        assertThat(s.labels().get("http_response_status_code")).isEmpty());
    }

    /** A body written but the response never asked for: the request is dropped with the connection's disconnect. */
    @Test
    void aWrittenRequestNeverReadEndsAtDisconnectUnrecorded() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(server.url("/status/200")).openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(2);
        try (OutputStream body = connection.getOutputStream()) {
            body.write(new byte[] {'o', 'k'});
        }
        ClientMetrics during = ClientMetrics.await(server.port(), m -> m.active("PUT") == 1);
        assertThat(during.total()).isEqualTo(0);
        connection.disconnect();
        ClientMetrics.awaitTotal(server.port(), 0);
    }

    static int send(String method, String url, Duration connectTimeout, Duration readTimeout) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        if (connection instanceof HttpsURLConnection) {
            ((HttpsURLConnection) connection)
                    .setSSLSocketFactory(TestTls.clientContext().getSocketFactory());
        }
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        connection.setRequestMethod(method);
        if (method.equals("POST") || method.equals("PUT")) {
            connection.setDoOutput(true);
            try (OutputStream body = connection.getOutputStream()) {
                body.write(new byte[0]);
            }
        }
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (body != null) {
            try (body) {
                body.readAllBytes();
            }
        }
        return status;
    }
}
