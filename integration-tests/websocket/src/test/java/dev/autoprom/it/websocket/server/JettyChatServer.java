package dev.autoprom.it.websocket.server;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** {@link ChatEndpoints} on Jetty 12's ee10 Jakarta WebSocket container; prints its port. */
public final class JettyChatServer {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            try {
                ChatEndpoints.deploy(container);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
        System.out.println("CHAT_PORT=" + connector.getLocalPort());
        server.join();
    }
}
