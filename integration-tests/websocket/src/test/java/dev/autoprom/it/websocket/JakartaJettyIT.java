package dev.autoprom.it.websocket;

import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;

/** The Jakarta WebSocket client API as implemented by Jetty 12 (ee10), recorded through Jetty's core. */
class JakartaJettyIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "jetty-websocket";
    }

    private static final JakartaWebSocketClientContainer CONTAINER = new JakartaWebSocketClientContainer();

    static {
        try {
            CONTAINER.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    WsDriver driver() {
        // Jetty's container throws IOException (not DeploymentException) when the handshake fails
        return new JakartaTyrusIT.JakartaDriver(CONTAINER, java.io.IOException.class);
    }
}
