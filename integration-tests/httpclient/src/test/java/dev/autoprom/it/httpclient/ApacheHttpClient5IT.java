package dev.autoprom.it.httpclient;

import java.net.URI;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, classic API, built by {@code HttpClients.custom()} (the full exec chain). */
class ApacheHttpClient5IT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> {
            ConnectionConfig connections = ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .build();
            CloseableHttpClient client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDefaultConnectionConfig(connections)
                            .setMaxConnPerRoute(32)
                            .setMaxConnTotal(64)
                            .setTlsSocketStrategy(new DefaultClientTlsStrategy(TestTls.clientContext()))
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setResponseTimeout(Timeout.of(readTimeout))
                            .build())
                    .build();
            return new ClientDriver.Client() {
                @Override
                public int send(String method, String url) throws Exception {
                    return client.execute(new BasicClassicHttpRequest(method, URI.create(url)), response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                }

                @Override
                public void close() throws Exception {
                    client.close();
                }
            };
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
