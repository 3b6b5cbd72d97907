package dev.autoprom.it.httpclient;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, async API, built by {@code HttpAsyncClients.custom()}: futures and callbacks. */
class ApacheHttpClient5AsyncIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> {
            ConnectionConfig connections = ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .build();
            CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                    .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setDefaultConnectionConfig(connections)
                            .setMaxConnPerRoute(32)
                            .setMaxConnTotal(64)
                            .setTlsStrategy(new DefaultClientTlsStrategy(TestTls.clientContext()))
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setResponseTimeout(Timeout.of(readTimeout))
                            .build())
                    .build();
            return client(client, readTimeout);
        };
    }

    /** The async client as an application drives it: started, {@code execute} with a future or a callback. */
    static ClientDriver.Client client(CloseableHttpAsyncClient client, Duration readTimeout) {
        client.start();
        RequestConfig config = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(readTimeout))
                .build();
        return new ClientDriver.Client() {
            private SimpleHttpRequest request(String method, String url) {
                SimpleRequestBuilder builder =
                        SimpleRequestBuilder.create(method).setUri(url).setRequestConfig(config);
                if (method.equals("POST") || method.equals("PUT")) {
                    builder.setBody(new byte[0], null);
                }
                return builder.build();
            }

            @Override
            public int send(String method, String url) throws Exception {
                return client.execute(request(method, url), null)
                        .get(60, TimeUnit.SECONDS)
                        .getCode();
            }

            @Override
            public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
                Future<SimpleHttpResponse> future = client.execute(request(method, url), new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        callback.accept(response.getCode(), null);
                    }

                    @Override
                    public void failed(Exception e) {
                        callback.accept(null, e);
                    }

                    @Override
                    public void cancelled() {
                        callback.accept(null, new CancellationException());
                    }
                });
                return () -> future.cancel(true);
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
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
