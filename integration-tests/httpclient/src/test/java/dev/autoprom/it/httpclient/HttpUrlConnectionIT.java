package dev.autoprom.it.httpclient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;

/** {@code java.net.HttpURLConnection}, used the usual way: open, set up, (write), read the status and body. */
class HttpUrlConnectionIT extends HttpClientContract {

    @Override
    ClientDriver driver() {
        return (connectTimeout, readTimeout) ->
                (ClientDriver.Client) (method, url) -> send(method, url, connectTimeout, readTimeout);
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
