package dev.autoprom.it.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child-JVM application using {@code java.net.http.WebSocket}: 10 text messages of 100 bytes and 3 binary
 * messages of 1,000 bytes, each echoed, then a clean close. Prints "ECHOED n CLOSED code" and stays up to be
 * scraped.
 */
public final class JdkClientMain {

    public static void main(String[] args) throws Exception {
        CountDownLatch echoes = new CountDownLatch(13);
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (last) {
                    echoes.countDown();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                if (last) {
                    echoes.countDown();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        };
        WebSocket webSocket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(args[0]), listener)
                .get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            webSocket.sendText(WebSocketClientContract.TEXT_100_BYTES, true).get(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            webSocket.sendBinary(ByteBuffer.wrap(new byte[1000]), true).get(30, TimeUnit.SECONDS);
        }
        boolean allEchoed = echoes.await(30, TimeUnit.SECONDS);
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
        int code = closed.get(30, TimeUnit.SECONDS);
        System.out.println("ECHOED " + (allEchoed ? 13 : -1) + " CLOSED " + code);
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }
}
