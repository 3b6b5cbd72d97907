package dev.autoprom.it.websocket.vertx;

import dev.autoprom.it.websocket.server.ChatEndpoints;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * The chat application of {@code WebSocketServerContract} on Vert.x (only API that 4.5 and 5 both have, so
 * websocket-vertx5 compiles the same source): {@code /chat/:room} echoes whole messages
 * ({@code textMessageHandler}/{@code binaryMessageHandler}), {@code /prog/:room} echoes from a {@code frameHandler},
 * {@code /slow/:room} takes 20 ms per message, {@code /private/:room} answers 403. {@link Web} serves them from
 * Vert.x Web routes upgraded with {@code ctx.request().toWebSocket()}; {@link Core} from the core server's
 * {@code webSocketHandler} (by path: core has no routes). Each prints {@code CHAT_PORT=<port>}.
 */
public final class VertxChat {

    private VertxChat() {}

    /** Vert.x Web routes. */
    public static final class Web {
        public static void main(String[] args) throws Exception {
            Vertx vertx = Vertx.vertx();
            Router router = Router.router(vertx);
            router.route("/chat/:room")
                    .handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> chat(ws, false)));
            router.route("/slow/:room")
                    .handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> chat(ws, true)));
            router.route("/prog/:room")
                    .handler(ctx -> ctx.request().toWebSocket().onSuccess(VertxChat::frames));
            router.route("/private/:room")
                    .handler(ctx -> ctx.response().setStatusCode(403).end());
            listen(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                    .requestHandler(router));
        }
    }

    /**
     * Core's {@code HttpServer.webSocketHandler}: one handler for every path; its {@code webSocketHandshakeHandler}
     * refuses {@code /private/...} with 403 and the paths it does not serve with 404.
     */
    public static final class Core {
        public static void main(String[] args) throws Exception {
            Vertx vertx = Vertx.vertx();
            listen(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                    .webSocketHandshakeHandler(handshake -> {
                        int refusal = refusal(handshake.path());
                        if (refusal != 0) {
                            handshake.reject(refusal);
                        } else {
                            handshake.accept();
                        }
                    })
                    .webSocketHandler(ws -> {
                        if (ws.path().startsWith("/prog/")) {
                            frames(ws);
                        } else {
                            chat(ws, ws.path().startsWith("/slow/"));
                        }
                    }));
        }

        private static int refusal(String path) {
            if (path.startsWith("/private/")) {
                return 403;
            }
            return path.startsWith("/chat/") || path.startsWith("/slow/") || path.startsWith("/prog/") ? 0 : 404;
        }
    }

    private static void listen(HttpServer server) throws Exception {
        HttpServer listening =
                server.listen(0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("CHAT_PORT=" + listening.actualPort());
    }

    static void chat(ServerWebSocket ws, boolean slow) {
        ws.textMessageHandler(message -> {
            pause(slow);
            if (ChatEndpoints.THROW_ME.equals(message)) {
                throw new IllegalStateException("the endpoint's handler failed");
            }
            if (ChatEndpoints.FRAGMENT_ME.equals(message)) {
                Buffer quarter = Buffer.buffer("f".repeat(25));
                ws.writeFrame(WebSocketFrame.textFrame("f".repeat(25), false));
                ws.writeFrame(WebSocketFrame.continuationFrame(quarter, false));
                ws.writeFrame(WebSocketFrame.continuationFrame(quarter, false));
                ws.writeFrame(WebSocketFrame.continuationFrame(quarter, true));
                return;
            }
            ws.writeTextMessage(message);
        });
        ws.binaryMessageHandler(message -> {
            pause(slow);
            ws.writeBinaryMessage(message);
        });
    }

    static void frames(ServerWebSocket ws) {
        ws.frameHandler(frame -> {
            if (frame.isText()) {
                ws.writeTextMessage(frame.textData());
            } else if (frame.isBinary()) {
                ws.writeBinaryMessage(frame.binaryData());
            }
        });
    }

    private static void pause(boolean slow) {
        if (slow) {
            try {
                Thread.sleep(ChatEndpoints.SLOW_MILLIS); // on the event loop: this test's point is the time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
