package dev.autoprom.instrumentation.websocket;

/**
 * The per-thread state of the handler call in progress, for libraries that catch the application's exception
 * themselves (Tomcat, Tyrus, Jetty) before the handling advice's exit could see it, or that may unregister the
 * connection meanwhile (Jetty closes the session from its error path): the library's error path stores the
 * exception here, the handling exit takes it. Cleared at every handling start, so an error reported outside a
 * handler call is never attributed to the next message. One slot object per thread, made on its first message;
 * after that a message costs one {@code ThreadLocal} read per call here and allocates nothing.
 */
public final class HandlerErrors {

    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Slot::new);

    private HandlerErrors() {}

    /** A handler call starts: returns its start time ({@link System#nanoTime()}). */
    public static long start() {
        SLOT.get().error = null;
        return System.nanoTime();
    }

    /** A handler call starts on {@code connection}, which {@link #takeConnection()} returns at its end. */
    public static long start(WsConnection connection) {
        Slot slot = SLOT.get();
        slot.error = null;
        slot.connection = connection;
        return System.nanoTime();
    }

    /**
     * The library caught {@code error} from the handler running on this thread. The first one is kept: a
     * library that wraps and rethrows reports the application's own exception first, its wrapper later.
     */
    public static void caught(Throwable error) {
        Slot slot = SLOT.get();
        if (error != null && slot.error == null) {
            slot.error = error;
        }
    }

    /** The handler call ended: what it threw (caught by the library), or null; the slot is cleared. */
    public static Throwable take() {
        Slot slot = SLOT.get();
        Throwable error = slot.error;
        slot.error = null;
        return error;
    }

    /** The connection given to {@link #start(WsConnection)}, and forgets it (no application object is kept). */
    public static WsConnection takeConnection() {
        Slot slot = SLOT.get();
        WsConnection connection = slot.connection;
        slot.connection = null;
        return connection;
    }

    /** Plain fields: only its own thread reads and writes a slot. */
    private static final class Slot {
        Throwable error;
        WsConnection connection;
    }
}
