package dev.autoprom.it.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The application the attach command is pointed at: started without the agent, it creates its JDK HttpServer and
 * both contexts before any attach ({@code /hello} answers 200, {@code /gone} 503), prints {@code PORT=N} and
 * READY, and serves until killed.
 */
public class AttachTargetApp {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
        server.createContext("/gone", exchange -> respond(exchange, 503, "gone"));
        server.start();
        System.out.println("PORT=" + server.getAddress().getPort());
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
