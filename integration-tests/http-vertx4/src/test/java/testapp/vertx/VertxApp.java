package testapp.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import testapp.SelfSigned;

/**
 * The routes of {@code NonServletServerContract} on a Vert.x core HTTP server with a Vert.x Web {@link Router};
 * only API that Vert.x 4.5 and 5 both have, so http-vertx5 compiles the same source. Nothing here blocks. The server
 * speaks HTTP/1.1 and h2c (prior knowledge and upgrade: Vert.x's defaults); with the argument {@code tls}, a second
 * server serves the same router over TLS with ALPN (h2) and prints "https port=N". Prints "ready port=N" last.
 */
public final class VertxApp {

    private VertxApp() {}

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        Router router = router(vertx);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(router)
                .listen(0)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        if (Arrays.asList(args).contains("tls")) {
            // h2 over TLS (ALPN, HTTP/1.1 as the fallback), on a throw-away self-signed key
            HttpServer tls = vertx.createHttpServer(new HttpServerOptions()
                            .setHost("127.0.0.1")
                            .setSsl(true)
                            .setUseAlpn(true)
                            .setKeyCertOptions(new PfxOptions()
                                    .setPath(SelfSigned.keystore().toString())
                                    .setPassword(SelfSigned.PASSWORD)))
                    .requestHandler(router)
                    .listen(0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            System.out.println("https port=" + tls.actualPort());
        }
        System.out.println("ready port=" + server.actualPort());
    }

    /** The routes, one router for every server of the app (its held requests are shared). */
    static Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        Queue<RoutingContext> held = new ConcurrentLinkedQueue<>();
        router.get("/hello").handler(ctx -> ctx.response().end("hello"));
        router.get("/items/:id").handler(ctx -> ctx.response().end("item " + ctx.pathParam("id")));
        router.get("/fail").handler(ctx -> {
            throw new IllegalStateException("handler failed");
        });
        router.get("/stream").handler(ctx -> {
            HttpServerResponse response = ctx.response().setChunked(true);
            int[] sent = {0};
            vertx.setPeriodic(100, timer -> {
                if (response.closed()) {
                    vertx.cancelTimer(timer); // the client hung up
                } else if (++sent[0] < 5) {
                    response.write("chunk\n");
                } else {
                    vertx.cancelTimer(timer);
                    response.end("chunk\n");
                }
            });
        });
        router.delete("/hold").handler(held::add);
        router.get("/release").handler(ctx -> {
            for (RoutingContext waiting; (waiting = held.poll()) != null; ) {
                waiting.response().end("released");
            }
            ctx.response().end("released");
        });
        router.get("/load").handler(ctx -> ctx.response().end("ok"));
        return router;
    }
}
