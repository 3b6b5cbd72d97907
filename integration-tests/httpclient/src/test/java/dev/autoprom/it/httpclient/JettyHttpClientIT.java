package dev.autoprom.it.httpclient;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's {@code HttpClient} 12 over HTTP/1.1: blocking {@code send()} and {@code send(listener)}. */
class JettyHttpClientIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(TestTls.clientContext());
            ClientConnector connector = new ClientConnector();
            connector.setSslContextFactory(tls);
            HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
            client.setConnectTimeout(connectTimeout.toMillis());
            client.setMaxConnectionsPerDestination(32);
            client.start();
            return new ClientDriver.Client() {
                private Request request(String method, String url) {
                    Request request = client.newRequest(url)
                            .method(method)
                            .timeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (method.equals("POST") || method.equals("PUT")) {
                        request.body(new StringRequestContent(""));
                    }
                    return request;
                }

                @Override
                public int send(String method, String url) throws Exception {
                    return request(method, url).send().getStatus();
                }

                @Override
                public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
                    Request request = request(method, url);
                    request.send(result -> callback.accept(
                            result.isFailed() ? null : result.getResponse().getStatus(), result.getFailure()));
                    return () -> request.abort(new CancellationException("cancelled by the test"));
                }

                @Override
                public void close() throws Exception {
                    client.stop();
                }
            };
        };
    }

    @Override
    String readTimeoutError() {
        return "TimeoutException";
    }
}
