package dev.autoprom.instrumentation.websocket;

/**
 * Implemented by the bridge objects that wrap an application's listener (JDK, OkHttp): advice on the library's
 * connection class reads the connection's listener field and, when it is a holder, records through
 * {@link #autopromConnection()} — no map lookup per message. Lives on the bootstrap class path so that both
 * the advice (in the library's loader) and the bridge (in a child of it) see the same interface.
 */
public interface ConnectionHolder {

    WsConnection autopromConnection();

    /** The holder's connection, or {@code null} when {@code listener} is not one of ours. */
    static WsConnection of(Object listener) {
        return listener instanceof ConnectionHolder ? ((ConnectionHolder) listener).autopromConnection() : null;
    }
}
