package dev.autoprom.it.websocket.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.websocket.server.WsServerContainer;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;

/**
 * Upgrades as Spring's {@code TomcatRequestUpgradeStrategy} does: a {@code ServerEndpointRegistration} made
 * for each request, whose path is the request's own path (no template), handed to Tomcat's container.
 */
public final class SpringStyleUpgradeServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServerEndpointRegistration registration =
                new ServerEndpointRegistration(request.getRequestURI(), new ChatEndpoints.ProgrammaticChat());
        WsServerContainer container =
                (WsServerContainer) getServletContext().getAttribute(ServerContainer.class.getName());
        try {
            container.upgradeHttpToWebSocket(request, response, registration, Map.of());
        } catch (jakarta.websocket.DeploymentException e) {
            throw new IOException(e);
        }
    }
}
