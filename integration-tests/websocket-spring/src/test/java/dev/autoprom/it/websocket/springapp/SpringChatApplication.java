package dev.autoprom.it.websocket.springapp;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/**
 * The chat application on Spring Boot 3.5 (spring-boot-starter-websocket, embedded Tomcat), as the server
 * contract expects it, with raw handlers (SockJS off):
 *
 * <ul>
 *   <li>{@code /chat/{room}} (an {@code AbstractWebSocketHandler}) and {@code /prog/{room}} (a plain
 *       {@code WebSocketHandler}): echo text and binary; {@value #THROW_ME} throws, {@value #FRAGMENT_ME} is
 *       answered with 100 bytes in 4 fragments;
 *   <li>{@code /slow/{room}}: 20 ms per message;
 *   <li>{@code /private/{room}}: a {@code HandshakeInterceptor} refuses with 403;
 * </ul>
 *
 * and STOMP at {@code /stomp/{tenant}} (simple broker on {@code /topic}, application prefix {@code /app}):
 * {@code /app/echo/{room}} answers on {@code /topic/echo/{room}}, {@code /app/slow/{room}} after 20 ms,
 * {@code /app/throw} throws. Prints {@code CHAT_PORT=<port>}.
 */
@SpringBootApplication
public class SpringChatApplication {

    public static final String THROW_ME = "throw-me";
    public static final String FRAGMENT_ME = "fragment-me";
    public static final long SLOW_MILLIS = 20;

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpringChatApplication.class);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off"));
        application.run(args);
    }

    @EventListener
    public void started(WebServerInitializedEvent event) {
        System.out.println("CHAT_PORT=" + event.getWebServer().getPort());
    }

    @Configuration
    @EnableWebSocket
    public static class RawHandlers implements WebSocketConfigurer {
        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new ChatHandler(0), "/chat/{room}");
            registry.addHandler(new ChatHandler(SLOW_MILLIS), "/slow/{room}");
            registry.addHandler(new PlainHandler(), "/prog/{room}");
            registry.addHandler(new ChatHandler(0), "/private/{room}").addInterceptors(new RefuseAll());
        }
    }

    @Configuration
    @EnableWebSocketMessageBroker
    public static class Stomp implements WebSocketMessageBrokerConfigurer {
        @Override
        public void registerStompEndpoints(StompEndpointRegistry registry) {
            registry.addEndpoint("/stomp/{tenant}");
            // a session's frames are handled in order: its SUBSCRIBE before the SENDs after it
            registry.setPreserveReceiveOrder(true);
        }

        @Override
        public void configureMessageBroker(MessageBrokerRegistry registry) {
            registry.enableSimpleBroker("/topic");
            registry.setApplicationDestinationPrefixes("/app");
            registry.setPreservePublishOrder(true); // and its replies sent in order
        }
    }

    /**
     * With {@code -Dchat.jakarta=true}: a Jakarta {@code @ServerEndpoint} as well, exported by Spring, so that
     * Tomcat's own WebSocket filter looks at every upgrade request first (an application mixing both).
     */
    @Configuration
    @ConditionalOnProperty("chat.jakarta")
    public static class JakartaToo {
        @Bean
        public ServerEndpointExporter serverEndpointExporter() {
            ServerEndpointExporter exporter = new ServerEndpointExporter();
            exporter.setAnnotatedEndpointClasses(JakartaEcho.class);
            return exporter;
        }
    }

    @ServerEndpoint("/jakarta/{room}")
    public static class JakartaEcho {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }

    @Controller
    public static class StompChat {
        @MessageMapping("/echo/{room}")
        @SendTo("/topic/echo/{room}")
        public String echo(@DestinationVariable("room") String room, String body) {
            if (THROW_ME.equals(body)) {
                throw new IllegalStateException("the @MessageMapping method failed");
            }
            return body;
        }

        @MessageMapping("/slow/{room}")
        @SendTo("/topic/echo/{room}")
        public String slow(@DestinationVariable("room") String room, String body) throws InterruptedException {
            Thread.sleep(SLOW_MILLIS);
            return body;
        }
    }

    static void onText(WebSocketSession session, String payload) throws IOException {
        if (THROW_ME.equals(payload)) {
            throw new IllegalStateException("the handler failed");
        }
        if (FRAGMENT_ME.equals(payload)) {
            String quarter = "f".repeat(25);
            for (int i = 0; i < 4; i++) {
                session.sendMessage(new TextMessage(quarter, i == 3));
            }
            return;
        }
        session.sendMessage(new TextMessage(payload));
    }

    /** Echoes; sleeps {@code millis} per message first. */
    public static final class ChatHandler extends AbstractWebSocketHandler {
        private final long millis;

        ChatHandler(long millis) {
            this.millis = millis;
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            if (millis > 0) {
                Thread.sleep(millis);
            }
            onText(session, message.getPayload());
        }

        @Override
        protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws Exception {
            if (millis > 0) {
                Thread.sleep(millis);
            }
            session.sendMessage(new BinaryMessage(message.getPayload()));
        }
    }

    /** The interface implemented directly. */
    public static final class PlainHandler implements WebSocketHandler {
        @Override
        public void afterConnectionEstablished(WebSocketSession session) {}

        @Override
        public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
            if (message instanceof TextMessage) {
                onText(session, ((TextMessage) message).getPayload());
            } else if (message instanceof BinaryMessage) {
                session.sendMessage(new BinaryMessage(((BinaryMessage) message).getPayload()));
            }
        }

        @Override
        public void handleTransportError(WebSocketSession session, Throwable exception) {}

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {}

        @Override
        public boolean supportsPartialMessages() {
            return false;
        }
    }

    /** Refuses every handshake with 403. */
    public static final class RefuseAll implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler handler,
                Map<String, Object> attributes) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {}
    }
}
