package dev.autoprom.it.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Spring's {@code StandardWebSocketClient} runs on the Jakarta client API (Tyrus here): its traffic is recorded
 * as {@code websocket_library="jakarta"} without any Spring-specific instrumentation.
 */
class SpringStandardWebSocketClientIT {

    @Test
    void springStandardWebSocketClientIsRecordedAsJakarta() throws Exception {
        String host = EchoServers.uniqueHost();
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        AbstractWebSocketHandler handler = new AbstractWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                received.add(message.getPayload());
            }

            @Override
            protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
                ByteBuffer payload = message.getPayload();
                byte[] copy = new byte[payload.remaining()];
                payload.get(copy);
                received.add(copy);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                closed.complete(status);
            }
        };

        WebSocketSession session = new StandardWebSocketClient()
                .execute(handler, EchoServers.echo(host).toString())
                .get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            session.sendMessage(new TextMessage(WebSocketClientContract.TEXT_100_BYTES));
        }
        byte[] binary = new byte[WebSocketClientContract.BINARY_SIZE];
        for (int i = 0; i < 3; i++) {
            session.sendMessage(new BinaryMessage(binary));
        }
        for (int i = 0; i < 13; i++) {
            assertThat(received.poll(20, TimeUnit.SECONDS)).as("echo %d", i).isNotNull();
        }
        session.close(CloseStatus.NORMAL);
        assertThat(closed.get(20, TimeUnit.SECONDS).getCode()).isEqualTo(1000);

        WsMetrics metrics = WsMetrics.await("jakarta", host, m -> m.closes() >= 1 && m.active() == 0);
        assertThat(metrics.messages("sent", "text")).as(metrics.lines()).isEqualTo(10);
        assertThat(metrics.bytes("sent", "text")).isEqualTo(1000);
        assertThat(metrics.messages("sent", "binary")).isEqualTo(3);
        assertThat(metrics.bytes("sent", "binary")).isEqualTo(3000);
        assertThat(metrics.messages("received", "text")).isEqualTo(10);
        assertThat(metrics.bytes("received", "binary")).isEqualTo(3000);
        assertThat(metrics.closes("1000")).isEqualTo(1);
        assertThat(metrics.active()).isEqualTo(0);
        WsMetrics.assertNoAgentErrors();
    }
}
