package testapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A JDK HttpServer app for JdkHttpServerIT: a few contexts, one of them failing. */
public final class JdkServerApp {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/hello", exchange -> respond(exchange, 200, "hello"));
        server.createContext("/fail", exchange -> {
            throw new IllegalStateException("handler failed");
        });
        server.createContext("/", exchange -> respond(exchange, 404, "nothing here"));
        server.createContext("/gone").setHandler(exchange -> respond(exchange, 503, "unavailable"));
        for (int i = 0; i < 30; i++) {
            server.createContext("/c" + i, exchange -> respond(exchange, 200, "c"));
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        if (args.length > 0 && args[0].equals("https")) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            https.setHttpsConfigurator(new HttpsConfigurator(SelfSigned.serverContext()));
            https.createContext("/secure", exchange -> respond(exchange, 200, "secure"));
            https.start();
            System.out.println("https port=" + https.getAddress().getPort());
        }
        System.out.println("ready port=" + server.getAddress().getPort());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
