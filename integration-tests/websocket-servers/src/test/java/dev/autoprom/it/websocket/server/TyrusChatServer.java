package dev.autoprom.it.websocket.server;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import org.glassfish.tyrus.server.Server;

/** {@link ChatEndpoints} on Tyrus' standalone server (its Grizzly container); prints its port. */
public final class TyrusChatServer {

    public static void main(String[] args) throws Exception {
        // port -1: an ephemeral port (0 would be Tyrus' default, 8025)
        Server server = new Server("127.0.0.1", -1, "/", null, Application.class);
        server.start();
        System.out.println("CHAT_PORT=" + server.getPort());
        Thread.currentThread().join();
    }

    /** The four endpoints, as {@link ChatEndpoints#deploy} registers them on the other containers. */
    public static final class Application implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return ChatEndpoints.programmaticConfigs();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(ChatEndpoints.AnnotatedChat.class, ChatEndpoints.SlowChat.class);
        }
    }
}
