package dev.autoprom.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bedrock Runtime endpoint that speaks the real Converse wire format, so the real AWS SDK can call it through
 * {@code endpointOverride}: {@code POST /model/{modelId}/converse} answers the Converse JSON with its
 * {@code usage} block. Every eighth call is throttled the way Bedrock throttles (429 with
 * {@code x-amzn-ErrorType: ThrottlingException}), so the throttling alert and the error panels have data.
 */
final class FakeBedrock {

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private FakeBedrock(HttpServer server) {
        this.server = server;
    }

    static FakeBedrock start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        FakeBedrock fake = new FakeBedrock(server);
        server.createContext("/model/", fake::converse);
        server.start();
        return fake;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void converse(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("x-amzn-RequestId", "demo-" + calls.get());
        if (!exchange.getRequestURI().getPath().endsWith("/converse")) {
            send(exchange, 404, "UnknownOperationException", "{\"message\":\"not in the demo\"}");
        } else if (calls.incrementAndGet() % 8 == 0) {
            send(exchange, 429, "ThrottlingException", "{\"message\":\"Too many requests, please wait.\"}");
        } else {
            send(
                    exchange,
                    200,
                    null,
                    "{\"metrics\":{\"latencyMs\":42},\"output\":{\"message\":{\"content\":[{\"text\":"
                            + "\"Hello from the demo's Bedrock!\"}],\"role\":\"assistant\"}},"
                            + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":21,\"outputTokens\":8,"
                            + "\"totalTokens\":29}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
