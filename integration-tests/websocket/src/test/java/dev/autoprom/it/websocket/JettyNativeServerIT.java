package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.server.JettyNativeChatServer;

/** Jetty 12's own WebSocket server API (an annotated {@code @WebSocket} endpoint per mapping). */
class JettyNativeServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return JettyNativeChatServer.class;
    }

    @Override
    String instrumentation() {
        return "jetty-websocket-server";
    }

    @Override
    String library() {
        return "jetty";
    }
}
