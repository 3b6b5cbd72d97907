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

    /** For {@link #finish}: the type of the message the connection received last (its frame ended it). */
    public static final int LAST_RECEIVED = -100;

    private HandlerErrors() {}

    /**
     * A handler call starts on {@code connection} (null: not a recorded connection, nothing to do); returns its
     * start time ({@link System#nanoTime()}), or 0 for none. The connection is kept for {@link #finish}: the
     * library may close and unregister it while the handler runs (the application closing from another thread
     * as soon as it got the message), and the message was still handled.
     */
    public static long start(WsConnection connection) {
        if (connection == null) {
            return 0L;
        }
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

    /**
     * The handler call that {@link #start} began returned, or threw {@code thrown} (null when it returned or the
     * library caught the failure itself, which {@link #caught} then reported): records its handling time on
     * the connection given to {@code start} and clears the slot.
     */
    public static void finish(int type, long startNanos, Throwable thrown) {
        if (startNanos == 0L) {
            return;
        }
        Slot slot = SLOT.get();
        WsConnection connection = slot.connection;
        Throwable error = slot.error != null ? slot.error : thrown;
        slot.connection = null;
        slot.error = null;
        if (connection != null) {
            connection.handled(
                    type == LAST_RECEIVED ? connection.received().lastMessageType() : type, startNanos, error);
        }
    }

    /**
     * A framework inside the library's handler call (Spring's handler decorators inside Tomcat's message
     * dispatch) is about to call the application's own handler: returns a new start time for the call in
     * progress on this thread, to give {@link #finish} (which then records it, and the library's own finish
     * nothing), or 0 when no call of a recorded connection is in progress.
     */
    public static long restart() {
        return SLOT.get().connection == null ? 0L : System.nanoTime();
    }

    /**
     * The handler call in progress on this thread is the framework's, not the application's (STOMP decoding a
     * frame and handing it to another thread): it records nothing.
     */
    public static void discard() {
        Slot slot = SLOT.get();
        slot.connection = null;
        slot.error = null;
    }

    /** Plain fields: only its own thread reads and writes a slot. */
    private static final class Slot {
        Throwable error;
        WsConnection connection;
    }
}
