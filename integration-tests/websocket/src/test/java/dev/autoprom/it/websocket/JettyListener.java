package dev.autoprom.it.websocket;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** The application's Jetty listener (public: Jetty calls it through method handles). */
public final class JettyListener implements Session.Listener.AutoDemanding {

    private final WsDriver.Connection connection;

    JettyListener(WsDriver.Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onWebSocketText(String message) {
        connection.listenerCalled();
        connection.deliver(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        connection.listenerCalled();
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        connection.deliver(copy);
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        connection.ended("close " + statusCode);
    }
}
