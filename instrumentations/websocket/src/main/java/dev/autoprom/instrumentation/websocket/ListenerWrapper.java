package dev.autoprom.instrumentation.websocket;

/**
 * The role of a listener bridge's factory: wraps the application's listener in a bridge class that records the
 * connection's events and delegates every callback unchanged. Implemented next to each library that lets the
 * agent replace the listener (JDK, OkHttp), reached through {@link dev.autoprom.api.Bridge}.
 */
public interface ListenerWrapper {

    /** Records nothing: the library gets the application's listener as it is. */
    ListenerWrapper NONE = (listener, connection) -> listener;

    /** The listener the library should call instead of {@code listener}. */
    Object wrap(Object listener, WsConnection connection);
}
