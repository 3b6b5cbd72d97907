package dev.autoprom.it.httpclient;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp 5 ({@code okhttp-jvm}): {@code execute} and {@code enqueue}. */
class OkHttpClientIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) -> new OkClient(new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .sslSocketFactory(TestTls.clientContext().getSocketFactory(), TestTls.trustManager())
                .build());
    }

    @Override
    String cancelledError() {
        return "IOException";
    }

    static final class OkClient implements ClientDriver.Client {
        private final OkHttpClient client;

        OkClient(OkHttpClient client) {
            this.client = client;
        }

        private static Request request(String method, String url) {
            RequestBody body =
                    method.equals("POST") || method.equals("PUT") ? RequestBody.create(new byte[0], null) : null;
            return new Request.Builder().url(url).method(method, body).build();
        }

        @Override
        public int send(String method, String url) throws IOException {
            try (Response response = client.newCall(request(method, url)).execute()) {
                response.body().bytes();
                return response.code();
            }
        }

        @Override
        public ClientDriver.Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) {
            Call call = client.newCall(request(method, url));
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call failed, IOException e) {
                    callback.accept(null, e);
                }

                @Override
                public void onResponse(Call done, Response response) {
                    try (response) {
                        callback.accept(response.code(), null);
                    }
                }
            });
            return call::cancel;
        }

        @Override
        public void close() {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
