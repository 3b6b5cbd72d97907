package dev.autoprom.instrumentation.websocket;

import java.lang.ref.WeakReference;

/**
 * Connections of libraries whose connection object the agent cannot wrap (Java-WebSocket's
 * {@code WebSocketClient} is the application's own subclass): a map from that object, held weakly and compared
 * by identity, to its {@link WsConnection}.
 *
 * <p>Reads (one per message) take no lock and allocate nothing: a volatile read of an open-addressing table
 * and a probe. Writes (one at open, one at close) copy the table under a lock, dropping entries whose object
 * was collected, so the table stays small and an application that never closes its clients leaks nothing.
 */
public final class ConnectionRegistry {

    /** Alternating {@code WeakReference} key and {@code WsConnection} value; length a power of two times 2. */
    private volatile Object[] table = new Object[2 * 16];

    public WsConnection get(Object key) {
        if (key == null) {
            return null;
        }
        Object[] t = table;
        int mask = (t.length >> 1) - 1;
        int slot = mix(System.identityHashCode(key)) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            Object ref = t[2 * slot];
            if (ref == null) {
                return null;
            }
            if (((WeakReference<?>) ref).get() == key) {
                return (WsConnection) t[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    public synchronized void put(Object key, WsConnection connection) {
        rebuild(key, connection);
    }

    public synchronized void remove(Object key) {
        rebuild(key, null);
    }

    /** Copies the live entries other than {@code key}, plus {@code key → value} when value is not null. */
    private void rebuild(Object key, WsConnection value) {
        Object[] old = table;
        int live = value == null ? 0 : 1;
        for (int i = 0; i < old.length; i += 2) {
            Object k = old[i] == null ? null : ((WeakReference<?>) old[i]).get();
            if (k != null && k != key) {
                live++;
            }
        }
        int slots = 16;
        while (slots < live * 2) {
            slots <<= 1;
        }
        Object[] fresh = new Object[2 * slots];
        for (int i = 0; i < old.length; i += 2) {
            Object k = old[i] == null ? null : ((WeakReference<?>) old[i]).get();
            if (k != null && k != key) {
                insert(fresh, k, old[i], old[i + 1]);
            }
        }
        if (value != null) {
            insert(fresh, key, new WeakReference<>(key), value);
        }
        table = fresh;
    }

    private static void insert(Object[] t, Object key, Object ref, Object value) {
        int mask = (t.length >> 1) - 1;
        int slot = mix(System.identityHashCode(key)) & mask;
        while (t[2 * slot] != null) {
            slot = (slot + 1) & mask;
        }
        t[2 * slot] = ref;
        t[2 * slot + 1] = value;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
