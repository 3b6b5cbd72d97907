package dev.autoprom.it.websocket;

import dev.autoprom.it.websocket.server.JettyChatServer;

/** Jakarta endpoints (annotated and programmatic) on Jetty 12's ee10 container, recorded through Jetty's core. */
class JettyServerIT extends WebSocketServerContract {

    @Override
    Class<?> serverMain() {
        return JettyChatServer.class;
    }

    @Override
    String instrumentation() {
        return "jetty-websocket-server";
    }

    @Override
    String library() {
        return "jakarta";
    }

    /** Jetty's core refuses an upgrade before any endpoint exists, for both of its APIs. */
    @Override
    String rejectionLibrary() {
        return "jetty";
    }
}
