package dev.autoprom.instrumentation.jdbc.pool;

/**
 * A pool's current state, read at scrape time. Implemented by each library's bridge class, which holds the
 * library's pool weakly; only {@code java.base} types here, so the bootstrap-loaded registry can call it.
 * A value the library does not know is {@link #UNKNOWN} and is not exported.
 */
public interface PoolGauges {

    int UNKNOWN = -1;

    /** False once the library's pool object has been garbage collected. */
    boolean alive();

    int used();

    int idle();

    int idleMax();

    int idleMin();

    int max();

    /** Threads waiting for a connection (every supported library counts them itself). */
    int pending();
}
