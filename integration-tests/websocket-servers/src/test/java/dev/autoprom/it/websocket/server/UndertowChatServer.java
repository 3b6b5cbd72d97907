package dev.autoprom.it.websocket.server;

import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import java.net.InetSocketAddress;

/** {@link ChatEndpoints} on Undertow 2.3's Jakarta WebSocket container (a servlet deployment); prints its port. */
public final class UndertowChatServer {

    public static void main(String[] args) throws Exception {
        WebSocketDeploymentInfo webSockets = new WebSocketDeploymentInfo()
                .setBuffers(new DefaultByteBufferPool(true, 8192))
                .addListener(container -> {
                    try {
                        ChatEndpoints.deploy(container);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowChatServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("chat")
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets);
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(manager.start())
                .build();
        server.start();
        InetSocketAddress address =
                (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        System.out.println("CHAT_PORT=" + address.getPort());
        Thread.currentThread().join();
    }
}
