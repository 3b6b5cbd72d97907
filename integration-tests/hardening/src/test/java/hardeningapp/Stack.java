package hardeningapp;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * One application using every instrumented family at once: a JDK {@link HttpServer} (with a handler that throws),
 * HikariCP over in-memory H2, a Jetty 12 WebSocket echo server that the JDK's {@code java.net.http.WebSocket} client
 * talks to, and the OpenAI SDK (OkHttp transport) against a fake OpenAI endpoint served by a second JDK server.
 * Every operation returns a plain string describing what the application saw, so runs can be compared.
 */
public final class Stack implements AutoCloseable {

    /** Markers that must never reach the agent's endpoints. */
    public static final String SQL_SECRET = "hunter2";

    public static final String URL_TOKEN = "SECRETTOKEN42";
    public static final String USER_INFO_PASSWORD = "s3cr3tpw";
    public static final String API_KEY = "sk-APIKEYMARKER99";
    public static final String HEADER_SECRET = "HEADERMARKER77";
    public static final String PROMPT = "PROMPTMARKER55 tell me a secret";
    public static final String COMPLETION = "COMPLETIONMARKER33";

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

    public final HttpServer http;
    public final HttpServer fakeOpenAi;
    public final HikariDataSource db;
    public final Echo echo;
    public final HttpClient client;
    public final OpenAIClient ai;

    public Stack(String dbName) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        http.setExecutor(Executors.newFixedThreadPool(8, daemon("app-http")));
        http.createContext(
                "/hello", ex -> respond(ex, 200, "hello " + ex.getRequestURI().getPath()));
        http.createContext("/items/", ex -> respond(ex, 200, "item"));
        http.createContext("/missing", ex -> respond(ex, 404, "not here"));
        http.createContext("/boom", ex -> {
            throw new IllegalStateException("handler failed on purpose");
        });
        http.start();

        fakeOpenAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        fakeOpenAi.setExecutor(Executors.newFixedThreadPool(8, daemon("fake-openai")));
        fakeOpenAi.createContext("/v1/", Stack::openAi);
        fakeOpenAi.start();

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + dbName + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword(SQL_SECRET);
        config.setPoolName("hardening-pool");
        config.setMaximumPoolSize(40);
        db = new HikariDataSource(config);

        echo = new Echo();
        echo.start();

        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ai = OpenAIOkHttpClient.builder()
                .apiKey(API_KEY)
                .organization("org-ORGMARKER11")
                .baseUrl("http://127.0.0.1:" + fakeOpenAi.getAddress().getPort() + "/v1")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    /** GET through java.net.http: "status body", or the exception the client got. */
    public String get(String pathAndQuery) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + pathAndQuery))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return "failed " + e.getClass().getName();
        }
    }

    /** A raw HTTP/1.1 request with the given request line target (absolute form with user info works too). */
    public String rawGet(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", httpPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int lineEnd = response.indexOf("\r\n");
            int bodyStart = response.indexOf("\r\n\r\n");
            return (lineEnd < 0 ? response : response.substring(0, lineEnd))
                    + (bodyStart < 0 ? "" : " " + response.substring(bodyStart + 4));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    // ---- JDBC -------------------------------------------------------------------------------------------------

    public String sql(String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                return "rows " + rows(s.getResultSet());
            }
            return "updated " + s.getUpdateCount();
        } catch (SQLException e) {
            return "failed " + e.getClass().getName() + " " + e.getSQLState() + " " + e.getMessage();
        }
    }

    public String prepared(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            if (s.execute()) {
                return "rows " + rows(s.getResultSet());
            }
            return "updated " + s.getUpdateCount();
        } catch (SQLException e) {
            return "failed " + e.getClass().getName() + " " + e.getSQLState() + " " + e.getMessage();
        }
    }

    private static String rows(ResultSet rs) throws SQLException {
        StringBuilder out = new StringBuilder();
        int n = 0;
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            n++;
            out.append(" [");
            for (int i = 1; i <= columns; i++) {
                out.append(i > 1 ? "," : "").append(rs.getString(i));
            }
            out.append(']');
        }
        return n + out.toString();
    }

    // ---- WebSocket --------------------------------------------------------------------------------------------

    /** A client connection to the echo server through java.net.http.WebSocket. */
    public WsClient ws(String pathAndQuery) throws Exception {
        return ws("127.0.0.1", pathAndQuery);
    }

    public WsClient ws(String authority, String pathAndQuery) throws Exception {
        WsClient listener = new WsClient();
        listener.socket = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://" + authority + ":" + echo.getPort() + pathAndQuery), listener)
                .get(20, TimeUnit.SECONDS);
        return listener;
    }

    /** Collects whole text messages and the close code. */
    public static final class WsClient implements WebSocket.Listener {
        WebSocket socket;
        private final StringBuilder part = new StringBuilder();
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                received.add(part.toString());
                part.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            received.add("binary " + data.remaining());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** Sends a text message and returns its echo. */
        public String echo(String text) throws Exception {
            socket.sendText(text, true).get(20, TimeUnit.SECONDS);
            String reply = received.poll(20, TimeUnit.SECONDS);
            if (reply == null) {
                throw new IllegalStateException("no echo for " + text);
            }
            return reply;
        }

        /** Closes with 1000 and returns the code of the server's close frame. */
        public int close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
            return closed.get(20, TimeUnit.SECONDS);
        }
    }

    /** The echo server: Jetty 12's WebSocket server on a loopback port of its own; echoes every message. */
    public static final class Echo {
        private final Server server = new Server();
        private final ServerConnector connector = new ServerConnector(server);

        Echo() {
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(WebSocketUpgradeHandler.from(
                    server,
                    container -> container.addMapping("/*", (request, response, callback) -> new EchoEndpoint())));
        }

        void start() throws Exception {
            server.start();
        }

        public int getPort() {
            return connector.getLocalPort();
        }

        void stop() throws Exception {
            server.stop();
        }
    }

    /** One echoing server endpoint per connection. */
    @org.eclipse.jetty.websocket.api.annotations.WebSocket
    public static final class EchoEndpoint {
        @OnWebSocketMessage
        public void onText(Session session, String message) {
            session.sendText(message, Callback.NOOP);
        }
    }

    // ---- OpenAI -----------------------------------------------------------------------------------------------

    public static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage(PROMPT)
                .putAdditionalHeader("X-Custom-Auth", HEADER_SECRET)
                .build();
    }

    /** A blocking chat call: the completion, or the SDK's exception. */
    public String chatCall(String model) {
        try {
            return ai.chat()
                    .completions()
                    .create(chat(model))
                    .choices()
                    .get(0)
                    .message()
                    .content()
                    .orElse("");
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getName() + " " + e.getMessage();
        }
    }

    /** A streaming chat call: the concatenated deltas. */
    public String streamCall(String model) {
        try (StreamResponse<ChatCompletionChunk> stream = ai.chat()
                .completions()
                .createStreaming(chat(model).toBuilder()
                        .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            StringBuilder out = new StringBuilder();
            stream.stream()
                    .forEach(chunk -> chunk.choices()
                            .forEach(choice -> choice.delta().content().ifPresent(out::append)));
            return out.toString();
        } catch (RuntimeException e) {
            return "failed " + e.getClass().getName() + " " + e.getMessage();
        }
    }

    /** OpenAI's chat-completions wire format; a model ending in "-ratelimit" gets OpenAI's 429. */
    private static void openAi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = MODEL.matcher(body);
            String model = m.find() ? m.group(1) : "none";
            String json;
            int status = 200;
            if (model.endsWith("-ratelimit")) {
                status = 429;
                json = "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
            } else if (body.replace(" ", "").contains("\"stream\":true")) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"" + model + "-2025\",";
                for (String piece : new String[] {"COMPLETION", "MARKER", "33"}) {
                    out.write(("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                                    + "\"},\"finish_reason\":null}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write(("data: " + head + "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,"
                                + "\"total_tokens\":12}}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            } else {
                json = completion(model);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** A chat completion answered by {@code model + "-2025"} with 11 input and 7 output tokens. */
    public static String completion(String model) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"" + model + "-2025\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + COMPLETION + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}";
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Used heap after full collections (System.gc() is a full GC on G1 and Serial). */
    public static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }

    @Override
    public void close() throws Exception {
        ai.close();
        echo.stop();
        db.close();
        http.stop(0);
        fakeOpenAi.stop(0);
    }
}
