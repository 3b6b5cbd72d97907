package dev.autoprom.it.httpclient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server the clients talk to: Jetty 12 on 127.0.0.1 and a free port, HTTP/1.1 and cleartext HTTP/2 (upgrade
 * and prior knowledge), and on a second port HTTPS with HTTP/1.1 and HTTP/2 by ALPN ({@link TestTls}'s key). One
 * per test, so that the test's {@code server_port} series are its own.
 *
 * <ul>
 *   <li>{@code /status/N}: answers N</li>
 *   <li>{@code /hold}: answers 200 once {@link #release()} is called (or the server closes)</li>
 *   <li>{@code /redirect}: 302 to {@code /status/200}</li>
 *   <li>anything else: 200</li>
 * </ul>
 */
final class TestServer implements AutoCloseable {

    private final Server server;
    private final int port;
    private final int tlsPort;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    private TestServer() throws Exception {
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        ServerConnector connector = new ServerConnector(
                server, new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServerConnector tls = tlsConnector(server);
        server.addConnector(tls);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return TestServer.this.handle(request, response, callback);
            }
        });
        server.setStopTimeout(0); // no graceful wait: a test leaves idle keep-alive connections behind
        server.start();
        port = connector.getLocalPort();
        tlsPort = tls.getLocalPort();
    }

    private static ServerConnector tlsConnector(Server server) throws Exception {
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients connecting to an IP send no server name
        config.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(TestTls.keystore().toString());
        ssl.setKeyStorePassword(TestTls.PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        return connector;
    }

    /** A server on a port no other test of this JVM has used. */
    static TestServer start() {
        for (int attempt = 0; attempt < 50; attempt++) {
            TestServer server;
            try {
                server = new TestServer();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test server", e);
            }
            if (Ports.claim(server.port) && Ports.claim(server.tlsPort)) {
                return server;
            }
            server.close();
        }
        throw new IllegalStateException("no fresh port in 50 attempts");
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    int tlsPort() {
        return tlsPort;
    }

    String tlsUrl(String path) {
        return "https://127.0.0.1:" + tlsPort + path;
    }

    /** Requests the server has answered or is holding. */
    int served() {
        return served.get();
    }

    /** Waits until {@code count} requests are held in {@code /hold}. */
    void awaitHolding(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (holding.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server holds " + holding.get() + " requests, not " + count);
            }
            Thread.sleep(10);
        }
    }

    void release() {
        release.countDown();
    }

    private boolean handle(Request request, Response response, Callback callback) throws Exception {
        served.incrementAndGet();
        String path = Request.getPathInContext(request);
        int status = 200;
        if (path.startsWith("/status/")) {
            status = Integer.parseInt(path.substring("/status/".length()));
        } else if (path.equals("/hold")) {
            holding.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
        } else if (path.equals("/redirect")) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, "/status/200");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.setStatus(status);
        if (status == 204 || status == 304) {
            response.write(true, ByteBuffer.allocate(0), callback);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, ByteBuffer.wrap(("status " + status).getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
    }

    @Override
    public void close() {
        release();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
