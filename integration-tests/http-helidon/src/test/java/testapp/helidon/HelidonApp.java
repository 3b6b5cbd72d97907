package testapp.helidon;

import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Helidon 4 SE WebServer serving NonServletServerContract's routes with its own routing (each connection on a
 * virtual thread, handlers blocking); prints "ready port=N". Also: a service registered under a literal path
 * ({@code /api}) and one under a path pattern ({@code /users/{uid}}), and an exception mapped by an error handler
 * to 409.
 */
public final class HelidonApp {

    /** Counted down by /release; a /hold that arrives after it answers at once (the test may release first). */
    private static final CountDownLatch RELEASED = new CountDownLatch(1);

    /** GET /load requests the handler ran (GET /load-count answers it): the server's own count, for diagnosis. */
    private static final AtomicLong LOADS = new AtomicLong();

    private HelidonApp() {}

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.get("/hello", (req, res) -> res.send("hello"))
                        .get(
                                "/items/{id}",
                                (req, res) -> res.send(
                                        "item " + req.path().pathParameters().get("id")))
                        .get("/fail", (req, res) -> {
                            throw new IllegalStateException("handler failed");
                        })
                        .get("/conflict", (req, res) -> {
                            throw new IllegalArgumentException("mapped to 409 by the error handler");
                        })
                        .get("/stream", (req, res) -> {
                            try (OutputStream out = res.outputStream()) {
                                for (int i = 0; i < 5; i++) {
                                    if (i > 0) {
                                        Thread.sleep(100);
                                    }
                                    out.write("chunk\n".getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                }
                            }
                        })
                        .delete("/hold", (req, res) -> {
                            RELEASED.await(60, TimeUnit.SECONDS);
                            res.send("released");
                        })
                        .get("/release", (req, res) -> {
                            RELEASED.countDown();
                            res.send("released");
                        })
                        .get("/load", (req, res) -> {
                            LOADS.incrementAndGet();
                            res.send("ok");
                        })
                        .get("/load-count", (req, res) -> res.send(Long.toString(LOADS.get())))
                        .register("/api", new ThingsService())
                        .register("/users/{uid}", new OrdersService())
                        .error(
                                IllegalArgumentException.class,
                                (req, res, e) -> res.status(Status.CONFLICT_409).send("conflict")))
                .build()
                .start();
        System.out.println("ready port=" + server.port());
    }

    /** Under the literal {@code /api}: Helidon's pattern is {@code /api/things/{id}}. */
    static final class ThingsService implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get(
                    "/things/{id}",
                    (req, res) ->
                            res.send("thing " + req.path().pathParameters().get("id")));
        }
    }

    /** Under the pattern {@code /users/{uid}}: Helidon reports {@code /users/<the uid>/orders/{oid}}. */
    static final class OrdersService implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get(
                    "/orders/{oid}",
                    (req, res) -> res.send("order "
                            + req.path().pathParameters().get("uid") + "/"
                            + req.path().pathParameters().get("oid")));
        }
    }
}
