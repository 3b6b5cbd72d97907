package dev.autoprom.it.httpclient;

import java.net.http.HttpClient;

/**
 * {@code java.net.http.HttpClient} asking for HTTP/2: over cleartext it upgrades ({@code Upgrade: h2c}) and then
 * multiplexes on one connection; the driver checks that the answers did come over HTTP/2.
 */
class JdkHttpClientHttp2IT extends JdkHttpClientIT {

    @Override
    HttpClient.Version version() {
        return HttpClient.Version.HTTP_2;
    }
}
