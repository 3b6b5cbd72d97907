package dev.autoprom.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible endpoint that speaks the real wire format, so the real OpenAI SDK can call it:
 * {@code POST /v1/chat/completions}, blocking (JSON) or streaming (server-sent events with a final usage
 * chunk). Every tenth call is answered with a 429, as a rate-limited provider would.
 */
final class FakeOpenAi {

    static final String MODEL = "gpt-4o-mini-2024-07-18";
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private FakeOpenAi(HttpServer server) {
        this.server = server;
    }

    static FakeOpenAi start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        FakeOpenAi fake = new FakeOpenAi(server);
        server.createContext("/v1/chat/completions", fake::chat);
        server.start();
        return fake;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void chat(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("x-request-id", "req-demo-" + calls.get());
        if (calls.incrementAndGet() % 10 == 0) {
            send(
                    exchange,
                    429,
                    "application/json",
                    "{\"error\":{\"message\":\"Rate limit reached\",\"type\":"
                            + "\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        } else if (request.contains("\"stream\":true")) {
            stream(exchange);
        } else {
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion\","
                            + "\"created\":1700000000,\"model\":\"" + MODEL
                            + "\",\"choices\":[{\"index\":0,\"message\":"
                            + "{\"role\":\"assistant\",\"content\":\"Hello from the demo!\",\"refusal\":null},"
                            + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,"
                            + "\"completion_tokens\":5,\"total_tokens\":17}}");
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String[] words = {"Hello", " from", " the", " demo", "!"};
            for (String word : words) {
                event(
                        out,
                        "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                                + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                                + word
                                + "\"},\"finish_reason\":null}]}");
                sleep(20);
            }
            event(
                    out,
                    "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"" + MODEL
                            + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            event(
                    out,
                    "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                            + "\"completion_tokens\":5,\"total_tokens\":17}}");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
