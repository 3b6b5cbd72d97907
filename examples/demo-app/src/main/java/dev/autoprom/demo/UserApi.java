package dev.autoprom.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** {@code GET /users/{id}} (one SELECT; 404 when unknown; 500 for {@code /users/boom}) and {@code GET /ping}. */
final class UserApi {

    private final HttpServer server;

    private UserApi(HttpServer server) {
        this.server = server;
    }

    static UserApi start(int port, Database database) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/users/", exchange -> lookUp(exchange, database));
        server.createContext("/ping", exchange -> respond(exchange, 200, "pong\n"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return new UserApi(server);
    }

    /**
     * One {@code /users/{id}} request. A named method, so that {@code methods.properties} can time it: the
     * demo's own metric {@code demo_user_lookup_seconds}, with {@code demo_user_lookup_active} in flight.
     */
    static void lookUp(HttpExchange exchange, Database database) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/users/".length());
        if (id.equals("boom")) {
            throw new IllegalStateException("demo failure");
        }
        try {
            String name = database.userName(Integer.parseInt(id));
            respond(exchange, name == null ? 404 : 200, name == null ? "no such user\n" : name + "\n");
        } catch (NumberFormatException e) {
            respond(exchange, 400, "id must be a number\n");
        } catch (Exception e) {
            respond(exchange, 500, "database error\n");
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
