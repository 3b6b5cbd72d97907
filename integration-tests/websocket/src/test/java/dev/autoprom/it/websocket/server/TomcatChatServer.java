package dev.autoprom.it.websocket.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/** {@link ChatEndpoints} on embedded Tomcat (11 here, 10.1 in websocket-tomcat10); prints its port. */
public final class TomcatChatServer {

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-chat").toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(
                (classes, servletContext) -> {
                    try {
                        ChatEndpoints.deploy(
                                (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                null);
        // filters (Tomcat's WsFilter does the upgrade) run only in front of a servlet: every path has one, a 404
        Tomcat.addServlet(context, "not-found", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.sendError(404);
            }
        });
        context.addServletMappingDecoded("/", "not-found");
        // where Spring is on the class path: upgrades registered under their raw path, as Spring does on Tomcat
        if (TomcatChatServer.class
                        .getClassLoader()
                        .getResource("org/springframework/web/socket/server/standard/ServerEndpointRegistration.class")
                != null) {
            Tomcat.addServlet(context, "spring-style", "dev.autoprom.it.websocket.server.SpringStyleUpgradeServlet");
            context.addServletMappingDecoded("/spring/*", "spring-style");
        }
        tomcat.getConnector();
        tomcat.start();
        System.out.println("CHAT_PORT=" + tomcat.getConnector().getLocalPort());
        tomcat.getServer().await();
    }
}
