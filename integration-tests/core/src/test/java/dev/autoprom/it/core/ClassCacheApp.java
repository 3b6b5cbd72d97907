package dev.autoprom.it.core;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The application of {@link ClassCacheIT}: its own JDK {@code HttpServer} on {@code /hello} (rewritten by the
 * jdk-httpserver instrumentation), called three times with {@code java.net.http} (rewritten by the JDK HTTP
 * client's); prints DONE and waits to be scraped.
 */
public class ClassCacheApp {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hello");
        for (int i = 0; i < 3; i++) {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        }
        System.out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
    }
}
