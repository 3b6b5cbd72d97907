package dev.autoprom.it.websocket;

import jakarta.websocket.DeploymentException;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/** The Jakarta WebSocket client API as implemented by Tomcat ({@code tomcat-embed-websocket}: 11 here, 10.1 in websocket-tomcat10). */
class JakartaTomcatIT extends WebSocketClientContract {

    @Override
    String instrumentation() {
        return "tomcat-websocket";
    }

    private static final WsWebSocketContainer CONTAINER = new WsWebSocketContainer();

    @Override
    WsDriver driver() {
        return new JakartaTyrusIT.JakartaDriver(CONTAINER, DeploymentException.class);
    }
}
