package dev.autoprom.it.genai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake AI provider: a JDK HttpServer answering by path with JSON bodies, server-sent-event streams or error
 * bodies, as the provider's real API does. Each test module describes its provider's wire format with
 * {@link #on(String, Function)}; the request's JSON body is given to the route so it can answer by model name.
 */
final class FakeProvider implements AutoCloseable {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hitsByModel = new ConcurrentHashMap<>();
    final List<String> requestBodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-provider");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path ends with {@code pathSuffix} (after stripping the query). */
    FakeProvider on(String pathSuffix, Function<Request, Reply> route) {
        routes.put(pathSuffix, route);
        return this;
    }

    /** How many requests named this model (retries included). */
    int hits(String model) {
        AtomicInteger n = hitsByModel.get(model);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(body);
            String path = exchange.getRequestURI().getPath();
            Matcher m = MODEL.matcher(body);
            // Bedrock names the model in the path only (its bodies are the application's or the model's JSON)
            String model = path.contains("/model/") ? bedrockModel(path) : m.find() ? m.group(1) : modelFromPath(path);
            int hit =
                    hitsByModel.computeIfAbsent(model, k -> new AtomicInteger()).incrementAndGet();
            Function<Request, Reply> route = null;
            for (Map.Entry<String, Function<Request, Reply>> e : routes.entrySet()) {
                if (path.endsWith(e.getKey())) {
                    route = e.getValue();
                }
            }
            Reply reply = route == null
                    ? Reply.json(404, "{\"error\":\"no route " + path + "\"}")
                    : route.apply(new Request(path, body, model, hit));
            reply.send(exchange);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    /** Bedrock: /model/{modelId}/converse (the id URL-decoded by getPath, so "v1:0" again). */
    private static String bedrockModel(String path) {
        String rest = path.substring(path.indexOf("/model/") + 7);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Google puts the model in the path: /v1beta/models/gemini-x:generateContent. */
    private static String modelFromPath(String path) {
        int models = path.indexOf("/models/");
        if (models < 0) {
            return "";
        }
        String rest = path.substring(models + 8);
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Request(String path, String body, String model, int hit) {
        boolean streaming() {
            return body.replace(" ", "").contains("\"stream\":true") || path.contains("stream");
        }
    }

    /**
     * A status with a JSON body, or a 200 event stream whose events are written with a pause between them: text
     * (server-sent events) or binary frames (AWS event stream).
     */
    static final class Reply {
        final int status;
        final String json;
        final List<String> events;
        final List<byte[]> frames;
        final Map<String, String> headers = new ConcurrentHashMap<>();

        private Reply(int status, String json, List<String> events) {
            this(status, json, events, null);
        }

        private Reply(int status, String json, List<String> events, List<byte[]> frames) {
            this.status = status;
            this.json = json;
            this.events = events;
            this.frames = frames;
        }

        /**
         * Binary messages of {@code application/vnd.amazon.eventstream}; each is written in two halves with a flush
         * between, so that the client's decoder also sees a message cut across reads.
         */
        static Reply eventStream(List<byte[]> frames) {
            return new Reply(200, null, null, new ArrayList<>(frames));
        }

        static Reply json(int status, String json) {
            return new Reply(status, json, null);
        }

        /** SSE events, each a complete "event: ...\ndata: ...\n\n" or "data: ...\n\n" block. */
        static Reply sse(List<String> events) {
            return new Reply(200, null, new ArrayList<>(events));
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        void send(HttpExchange exchange) throws IOException {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (frames != null) {
                exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (byte[] frame : frames) {
                    int half = frame.length / 2;
                    out.write(frame, 0, half);
                    out.flush();
                    out.write(frame, half, frame.length - half);
                    out.flush();
                    sleep(15);
                }
                return;
            }
            if (events == null) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : events) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(15);
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
}
