package dev.autoprom.instrumentation.websocket;

/**
 * The exception the application's message handler threw on this thread, for libraries that catch it
 * themselves (Tomcat, Tyrus, Jetty) before the handling advice's exit could see it: the library's own
 * error path stores it here, and the handling exit takes it. Cleared at every handling start, so an error
 * reported outside a handler call is never attributed to the next message. The thread's slot is made once;
 * after that {@code get}/{@code set} allocate nothing.
 */
public final class HandlerErrors {

    private static final ThreadLocal<Throwable> CURRENT = new ThreadLocal<>();

    private HandlerErrors() {}

    /** A handler call starts: returns its start time ({@link System#nanoTime()}). */
    public static long start() {
        if (CURRENT.get() != null) {
            CURRENT.set(null);
        }
        return System.nanoTime();
    }

    /**
     * The library caught {@code error} from the handler running on this thread. The first one is kept: a
     * library that wraps and rethrows reports the application's own exception first, its wrapper later.
     */
    public static void caught(Throwable error) {
        if (error != null && CURRENT.get() == null) {
            CURRENT.set(error);
        }
    }

    /** The handler call ended: what it threw (caught by the library), or null; the slot is cleared. */
    public static Throwable take() {
        Throwable error = CURRENT.get();
        if (error != null) {
            CURRENT.set(null);
        }
        return error;
    }
}
