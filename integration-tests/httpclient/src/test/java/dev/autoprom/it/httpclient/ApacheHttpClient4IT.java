package dev.autoprom.it.httpclient;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4.5, built by {@code HttpClients.custom()} (redirect, retry, protocol and main execs). */
class ApacheHttpClient4IT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> {
            CloseableHttpClient client = HttpClients.custom()
                    .setMaxConnPerRoute(32)
                    .setMaxConnTotal(64)
                    .setSSLContext(TestTls.clientContext())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectTimeout((int) connectTimeout.toMillis())
                            .setSocketTimeout((int) readTimeout.toMillis())
                            .build())
                    .build();
            return new ClientDriver.Client() {
                @Override
                public int send(String method, String url) throws Exception {
                    try (CloseableHttpResponse response = client.execute(
                            RequestBuilder.create(method).setUri(url).build())) {
                        EntityUtils.consume(response.getEntity());
                        return response.getStatusLine().getStatusCode();
                    }
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
