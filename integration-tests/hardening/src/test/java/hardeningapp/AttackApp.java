package hardeningapp;

import com.openai.client.OpenAIClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cardinality attack on every label that comes from the application. Arguments: the phases to run
 * ({@code http}, {@code sql}, {@code ai}, {@code ws}) and the number of distinct values per attack (100,000). Each phase
 * prints its exact totals ({@code HTTP_REQUESTS=...}); the used heap after full GCs is printed before
 * ({@code HEAP_BEFORE}, after a warm-up of every phase) and after ({@code HEAP_AFTER}) the attack.
 *
 * <ul>
 *   <li>http: N requests with distinct raw paths and query strings on one context (JDK server, keep-alive raw
 *       sockets), 1,000 requests with distinct invented methods, and 200 distinct contexts (real routes);
 *   <li>sql: N distinct statements with literals (half plain, half prepared) and 200 distinct H2 databases;
 *   <li>ai: N distinct model names through the OpenAI SDK (every 10th rate-limited), answered in-process;
 *   <li>ws: WebSocket handshakes to 200 distinct loopback hosts (127.0.x.y, a closed port: refused).
 * </ul>
 */
public final class AttackApp {

    private static final int THREADS = 4;
    private static final int CONTEXTS = 200;
    private static final int METHODS = 1000;
    private static final int DATABASES = 200;
    private static final int WS_HOSTS = 200;

    public static void main(String[] args) throws Exception {
        List<String> phases = List.of(args[0].split(","));
        int n = Integer.parseInt(args[1]);
        try (Stack stack = new Stack("attack")) {
            OpenAIClient ai = InProcessOpenAi.client();
            // warm-up: every code path once, so that class loading and JIT are not counted as growth
            AtomicLong http = new AtomicLong();
            AtomicLong sql = new AtomicLong();
            AtomicLong aiCalls = new AtomicLong();
            if (phases.contains("http")) {
                rawRequests(stack, "GET", "/items/warmup-", 100, http);
            }
            if (phases.contains("sql")) {
                statements(stack, "warmup", 100, sql);
            }
            if (phases.contains("ai")) {
                models(ai, "warmup", 100, aiCalls);
            }
            AtomicLong wsConnects = new AtomicLong();
            if (phases.contains("ws")) {
                for (int i = 0; i < 10; i++) {
                    refusedWebSocket(stack, "127.0.0.1", wsConnects);
                }
            }
            long before = Stack.heapAfterGc();
            System.out.println("HEAP_BEFORE=" + before);
            long start = System.nanoTime();
            if (phases.contains("http")) {
                rawRequests(stack, "GET", "/items/", n, http);
                for (int i = 0; i < METHODS; i++) {
                    single(stack, "M" + i + "X", "/items/m" + i, http);
                }
                for (int i = 0; i < CONTEXTS; i++) {
                    String path = "/ctx" + i;
                    stack.http.createContext(path, ex -> {
                        try (ex) {
                            ex.sendResponseHeaders(204, -1);
                        }
                    });
                    single(stack, "GET", path + "/x?token=" + Stack.URL_TOKEN, http);
                }
                System.out.println("HTTP_REQUESTS=" + http.get());
            }
            if (phases.contains("sql")) {
                statements(stack, "attack", n, sql);
                for (int i = 0; i < DATABASES; i++) {
                    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:db" + i, "sa", Stack.SQL_SECRET);
                            Statement s = c.createStatement()) {
                        s.execute("SELECT 1");
                        sql.incrementAndGet();
                    }
                }
                System.out.println("SQL_STATEMENTS=" + sql.get());
            }
            if (phases.contains("ai")) {
                models(ai, "attack", n, aiCalls);
                System.out.println("AI_CALLS=" + aiCalls.get());
            }
            if (phases.contains("ws")) {
                for (int i = 0; i < WS_HOSTS; i++) {
                    refusedWebSocket(stack, "127.0." + (1 + i / 250) + "." + (1 + i % 250), wsConnects);
                }
                System.out.println("WS_CONNECTS=" + wsConnects.get());
            }
            System.out.println("ATTACK_SECONDS=" + (System.nanoTime() - start) / 1_000_000_000L);
            long after = Stack.heapAfterGc();
            System.out.println("HEAP_AFTER=" + after);
            System.out.println("HEAP_GROWTH=" + (after - before));
            System.out.println("ATTACK DONE");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** {@code n} requests on {@code THREADS} keep-alive connections, each path distinct. */
    private static void rawRequests(Stack stack, String method, String prefix, int n, AtomicLong count)
            throws Exception {
        parallel(n, (from, to) -> {
            try (Socket socket = new Socket("127.0.0.1", stack.httpPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int i = from; i < to; i++) {
                    out.write((method + " " + prefix + i + "/" + Integer.toHexString(i * 31) + "?token="
                                    + Stack.URL_TOKEN + i + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    readResponse(in, 200);
                    count.incrementAndGet();
                }
            }
        });
    }

    private static void single(Stack stack, String method, String target, AtomicLong count) throws IOException {
        String response = stack.rawGet(method, target);
        if (!response.startsWith("HTTP/1.1 2")) {
            throw new IllegalStateException(method + " " + target + ": " + response);
        }
        count.incrementAndGet();
    }

    /** Reads one response (status line, headers, Content-Length body) and checks its status. */
    private static void readResponse(InputStream in, int expected) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!(head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) b);
        }
        String text = head.toString();
        if (!text.startsWith("HTTP/1.1 " + expected)) {
            throw new IOException("unexpected response " + text);
        }
        int at = text.toLowerCase().indexOf("content-length:");
        int length = Integer.parseInt(
                text.substring(at + 15, text.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }

    /** A WebSocket handshake to a closed port on {@code host}, with user info and a query string. */
    private static void refusedWebSocket(Stack stack, String host, AtomicLong count) {
        try {
            stack.client
                    .newWebSocketBuilder()
                    .buildAsync(
                            java.net.URI.create("ws://alice:" + Stack.USER_INFO_PASSWORD + "@" + host + ":1/ws?token="
                                    + Stack.URL_TOKEN),
                            new java.net.http.WebSocket.Listener() {})
                    .get(20, java.util.concurrent.TimeUnit.SECONDS);
            throw new IllegalStateException("connected to a closed port on " + host);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | InterruptedException expected) {
            count.incrementAndGet();
        }
    }

    /** {@code n} distinct statements with literals; odd ones prepared. */
    private static void statements(Stack stack, String tag, int n, AtomicLong count) throws Exception {
        parallel(n, (from, to) -> {
            try (Connection c = stack.db.getConnection();
                    Statement s = c.createStatement()) {
                for (int i = from; i < to; i++) {
                    String literal = Stack.SQL_SECRET + "-" + tag + "-" + i;
                    if (i % 2 == 0) {
                        try (ResultSet rs = s.executeQuery("SELECT '" + literal + "', " + i)) {
                            rs.next();
                        }
                    } else {
                        try (PreparedStatement p = c.prepareStatement("SELECT ?, '" + literal + "', " + i)) {
                            p.setInt(1, i);
                            try (ResultSet rs = p.executeQuery()) {
                                rs.next();
                            }
                        }
                    }
                    count.incrementAndGet();
                }
            }
        });
    }

    /** {@code n} chat calls, each with its own model name; every 10th is rate-limited. */
    private static void models(OpenAIClient ai, String tag, int n, AtomicLong count) throws Exception {
        parallel(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                String model = "gpt-" + tag + "-" + i + (i % 10 == 0 ? "-ratelimit" : "");
                try {
                    ai.chat().completions().create(Stack.chat(model));
                    if (i % 10 == 0) {
                        throw new IllegalStateException("expected a 429 for " + model);
                    }
                } catch (com.openai.errors.RateLimitException expected) {
                    if (i % 10 != 0) {
                        throw expected;
                    }
                }
                count.incrementAndGet();
            }
        });
    }

    interface Range {
        void run(int from, int to) throws Exception;
    }

    private static void parallel(int n, Range range) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int from = n * t / THREADS;
                int to = n * (t + 1) / THREADS;
                futures.add(pool.submit(() -> {
                    range.run(from, to);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
