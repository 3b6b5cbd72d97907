package dev.autoprom.it.websocket;

import jakarta.websocket.DeploymentException;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/** The Jakarta WebSocket client API as implemented by Tomcat 11 ({@code tomcat-embed-websocket}). */
class JakartaTomcatIT extends WebSocketClientContract {

    private static final WsWebSocketContainer CONTAINER = new WsWebSocketContainer();

    @Override
    WsDriver driver() {
        return new JakartaTyrusIT.JakartaDriver(CONTAINER, DeploymentException.class);
    }
}
