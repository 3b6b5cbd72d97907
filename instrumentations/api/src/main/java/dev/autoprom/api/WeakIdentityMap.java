package dev.autoprom.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's one map for state it attaches to application objects it cannot change (JDBC statements,
 * connections and pools, WebSocket clients and sessions, SDK streams): concurrent, keyed by object identity
 * (an application's {@code equals} is never called), keys held weakly so nothing the application drops is kept.
 * Lookups take no lock and allocate nothing: they go through a per-thread reusable probe key. Entries of
 * collected keys are purged on the next {@link #put} or {@link #remove}.
 */
public final class WeakIdentityMap<V> {

    private static final ThreadLocal<Probe> PROBE = ThreadLocal.withInitial(Probe::new);

    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    public V get(Object key) {
        if (key == null) {
            return null;
        }
        Probe probe = PROBE.get();
        probe.set(key);
        try {
            return map.get(probe);
        } finally {
            probe.clear();
        }
    }

    public void put(Object key, V value) {
        purge();
        map.put(new WeakKey(key, collected), value);
    }

    public V remove(Object key) {
        if (key == null) {
            return null;
        }
        purge();
        Probe probe = PROBE.get();
        probe.set(key);
        try {
            return map.remove(probe);
        } finally {
            probe.clear();
        }
    }

    /** Values whose keys are still alive (a snapshot). */
    public List<V> values() {
        purge();
        return new ArrayList<>(map.values());
    }

    /** Live entries, counting those not yet purged. */
    public int size() {
        purge();
        return map.size();
    }

    private void purge() {
        Object ref;
        while ((ref = collected.poll()) != null) {
            map.remove(ref);
        }
    }

    /** The stored key: a weak reference that compares by the identity of its referent. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object mine = get();
            if (mine == null) {
                return false;
            }
            if (other instanceof WeakKey) {
                return mine == ((WeakKey) other).get();
            }
            return other instanceof Probe && mine == ((Probe) other).referent;
        }
    }

    /** The lookup key, reused per thread so that a lookup allocates nothing. */
    private static final class Probe {
        private Object referent;
        private int hash;

        void set(Object key) {
            referent = key;
            hash = System.identityHashCode(key);
        }

        void clear() {
            referent = null;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey && ((WeakKey) other).get() == referent;
        }
    }
}
