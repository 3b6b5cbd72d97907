package dev.autoprom.it.websocket.webflux;

import dev.autoprom.it.websocket.server.ChatEndpoints;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import reactor.core.publisher.Flux;

/**
 * The chat application of {@code WebSocketServerContract} on Spring Boot's WebFlux (Reactor Netty):
 * {@code WebSocketHandler}s mapped by a {@link SimpleUrlHandlerMapping}. {@code /chat/{room}} echoes (the text
 * {@code fragment-me} is answered in 4 fragments, as Netty frames: WebFlux's own messages are whole;
 * {@code throw-me} fails the handler), {@code /prog/{room}} echoes the received messages themselves
 * ({@code retain}), {@code /slow/{room}} takes 20 ms per message, and the application's {@link WebSocketService}
 * refuses {@code /private/{room}} with 403. Prints {@code CHAT_PORT=<port>}.
 */
@SpringBootApplication
public class WebFluxChat {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WebFluxChat.class);
        application.setWebApplicationType(WebApplicationType.REACTIVE);
        ReactiveWebServerApplicationContext context = (ReactiveWebServerApplicationContext)
                application.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
        System.out.println("CHAT_PORT=" + context.getWebServer().getPort());
    }

    @Bean
    HandlerMapping webSocketMapping() {
        WebSocketHandler echo = WebFluxChat::echo;
        WebSocketHandler slow = session -> session.send(session.receive().map(message -> {
            pause();
            return copy(session, message);
        }));
        WebSocketHandler prog = session -> session.send(session.receive().map(WebSocketMessage::retain));
        return new SimpleUrlHandlerMapping(
                Map.of("/chat/{room}", echo, "/slow/{room}", slow, "/prog/{room}", prog, "/private/{room}", echo), -1);
    }

    /** The application's own check before the handshake: {@code /private/...} is refused. */
    @Bean
    WebFluxConfigurer refusingPrivateRooms() {
        WebSocketService handshakes = new HandshakeWebSocketService();
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return (exchange, handler) -> {
                    if (exchange.getRequest().getPath().value().startsWith("/private/")) {
                        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                        return exchange.getResponse().setComplete();
                    }
                    return handshakes.handleRequest(exchange, handler);
                };
            }
        };
    }

    private static reactor.core.publisher.Mono<Void> echo(WebSocketSession session) {
        return session.send(session.receive().concatMap(message -> {
            if (message.getType() == WebSocketMessage.Type.TEXT) {
                String text = message.getPayloadAsText();
                if (ChatEndpoints.THROW_ME.equals(text)) {
                    throw new IllegalStateException("the endpoint's handler failed");
                }
                if (ChatEndpoints.FRAGMENT_ME.equals(text)) {
                    return Flux.range(0, 4).map(i -> fragment(session, i));
                }
            }
            return Flux.just(copy(session, message));
        }));
    }

    private static WebSocketMessage copy(WebSocketSession session, WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.TEXT) {
            return session.textMessage(message.getPayloadAsText());
        }
        byte[] bytes = new byte[message.getPayload().readableByteCount()];
        message.getPayload().read(bytes);
        return session.binaryMessage(factory -> factory.wrap(bytes));
    }

    /** A part of a 100-byte text message in 4 frames: WebFlux sends a message's native frame as it is. */
    private static WebSocketMessage fragment(WebSocketSession session, int index) {
        byte[] part = "f".repeat(25).getBytes(StandardCharsets.UTF_8);
        WebSocketFrame frame = index == 0
                ? new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(part))
                : new ContinuationWebSocketFrame(index == 3, 0, Unpooled.wrappedBuffer(part));
        return new WebSocketMessage(
                WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(part), frame);
    }

    private static void pause() {
        try {
            Thread.sleep(ChatEndpoints.SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
