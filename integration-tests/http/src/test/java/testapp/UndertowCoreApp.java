package testapp;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The routes of {@code NonServletServerContract} as Undertow core {@code HttpHandler}s (no servlet layer) behind a
 * {@link RoutingHandler}, whose templates ({@code /items/{id}}) are the routes. Non-blocking: everything runs on
 * Undertow's I/O threads.
 */
public final class UndertowCoreApp {

    private UndertowCoreApp() {}

    public static void main(String[] args) {
        Queue<HttpServerExchange> held = new ConcurrentLinkedQueue<>();
        RoutingHandler routes = Handlers.routing()
                .get("/hello", exchange -> exchange.getResponseSender().send("hello"))
                .get(
                        "/items/{id}",
                        exchange -> exchange.getResponseSender()
                                .send("item "
                                        + exchange.getQueryParameters()
                                                .get("id")
                                                .getFirst()))
                .get("/fail", exchange -> {
                    throw new IllegalStateException("handler failed");
                })
                .get("/stream", exchange -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> chunk(exchange, 0)))
                .delete("/hold", exchange -> {
                    exchange.dispatch(); // answered later, by /release
                    held.add(exchange);
                })
                .get("/release", exchange -> {
                    for (HttpServerExchange waiting; (waiting = held.poll()) != null; ) {
                        HttpServerExchange answer = waiting;
                        answer.getIoThread()
                                .execute(() -> answer.getResponseSender().send("released"));
                    }
                    exchange.getResponseSender().send("released");
                })
                .get("/load", exchange -> exchange.getResponseSender().send("ok"));
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(routes)
                .build();
        server.start();
        InetSocketAddress address =
                (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        System.out.println("ready port=" + address.getPort());
    }

    /** Writes chunk {@code n} of 5, the next 100 ms later, without blocking the I/O thread. */
    private static void chunk(HttpServerExchange exchange, int n) {
        exchange.getResponseSender().send("chunk\n", new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange done, Sender sender) {
                if (n == 4) {
                    done.endExchange();
                } else {
                    done.getIoThread().executeAfter(() -> chunk(done, n + 1), 100, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onException(HttpServerExchange failed, Sender sender, IOException exception) {
                IoCallback.END_EXCHANGE.onException(failed, sender, exception); // the client hung up
            }
        });
    }
}
