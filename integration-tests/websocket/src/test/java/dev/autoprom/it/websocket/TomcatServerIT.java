package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.server.TomcatChatServer;

/** Jakarta endpoints (annotated and programmatic) on embedded Tomcat: 11 here, 10.1 in websocket-tomcat10. */
class TomcatServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return TomcatChatServer.class;
    }

    @Override
    String instrumentation() {
        return "tomcat-websocket-server";
    }

    @Override
    String library() {
        return "jakarta";
    }
}
