package dev.autoprom.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's one map for state it attaches to application objects it cannot change (JDBC statements,
 * connections and pools, WebSocket clients and sessions, HTTP exchanges, SDK streams): concurrent, keyed by
 * object identity (an application's {@code equals} and {@code hashCode} are never called), keys held weakly so
 * nothing the application drops is kept.
 *
 * <p>{@link #get} is the hot path (once per message, statement or request): it takes no lock, allocates nothing
 * and reads no thread-local. It walks a chain of immutable nodes, so a reader never sees a half-built entry. A
 * {@code ConcurrentHashMap} cannot do that for identity keys without a per-thread probe key, which cost a
 * measurable share of a WebSocket message's recording.
 *
 * <p>Writers ({@link #put}, {@link #remove}) lock one of {@link #SEGMENTS} segments chosen by the key's identity
 * hash, so writers on different keys rarely meet (a concurrent hash map locks its bins the same way). A writer
 * replaces a whole chain rather than editing it. Entries of collected keys are purged on the next write.
 */
public final class WeakIdentityMap<V> {

    /** Power of two: enough that event-loop threads writing different keys almost never share a lock. */
    static final int SEGMENTS = 16;

    private final Segment<V>[] segments;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    @SuppressWarnings("unchecked")
    public WeakIdentityMap() {
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(collected);
        }
    }

    /** Spreads the identity hash so that both the segment (low bits) and the bucket (high bits) vary. */
    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        return h ^ (h >>> 16);
    }

    private Segment<V> segmentFor(int hash) {
        return segments[hash & (SEGMENTS - 1)];
    }

    public V get(Object key) {
        if (key == null) {
            return null;
        }
        int hash = hash(key);
        Node<V>[] table = segmentFor(hash).table;
        for (Node<V> node = Segment.head(table, Segment.bucket(hash, table)); node != null; node = node.next) {
            if (node.get() == key) {
                return node.value;
            }
        }
        return null;
    }

    public void put(Object key, V value) {
        if (key == null) {
            return;
        }
        purge();
        int hash = hash(key);
        segmentFor(hash).put(key, hash, value);
    }

    public V remove(Object key) {
        if (key == null) {
            return null;
        }
        purge();
        int hash = hash(key);
        return segmentFor(hash).remove(key, hash);
    }

    /** Values whose keys are still alive (a snapshot). */
    public List<V> values() {
        purge();
        List<V> values = new ArrayList<>();
        for (Segment<V> segment : segments) {
            segment.collectValues(values);
        }
        return values;
    }

    /** Live entries, counting those not yet purged. */
    public int size() {
        purge();
        int size = 0;
        for (Segment<V> segment : segments) {
            size += segment.count;
        }
        return size;
    }

    @SuppressWarnings("unchecked")
    private void purge() {
        Object ref;
        while ((ref = collected.poll()) != null) {
            Node<V> dead = (Node<V>) ref;
            segmentFor(dead.hash).unlink(dead);
        }
    }

    /** An entry: a weak reference to the key, its spread hash, the value and the rest of the chain, all final. */
    private static final class Node<V> extends WeakReference<Object> {
        final int hash;
        final V value;
        final Node<V> next;

        Node(Object key, int hash, V value, Node<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    /** A hash table that readers walk without a lock; its writers hold the segment's monitor. */
    private static final class Segment<V> {
        private static final int INITIAL_BUCKETS = 4;

        private final ReferenceQueue<Object> queue;
        /** Its buckets are read with acquire and written with release semantics (see {@link #BUCKET}). */
        volatile Node<V>[] table = newTable(INITIAL_BUCKETS);
        /** Entries in the table, collected ones not yet purged included; written under the monitor. */
        volatile int count;

        Segment(ReferenceQueue<Object> queue) {
            this.queue = queue;
        }

        /**
         * A bucket's chain is published by a release store after its nodes are built and read by an acquire load,
         * so a reader that sees a node sees its key too (a weak reference's referent is not a final field).
         */
        private static final VarHandle BUCKET = MethodHandles.arrayElementVarHandle(Node[].class);

        @SuppressWarnings("unchecked")
        private static <V> Node<V>[] newTable(int buckets) {
            return (Node<V>[]) new Node<?>[buckets];
        }

        /** The segment took the low bits of the hash: the bucket takes the next ones. */
        static int bucket(int hash, Object[] table) {
            return (hash >>> 4) & (table.length - 1);
        }

        @SuppressWarnings("unchecked")
        static <V> Node<V> head(Node<V>[] table, int bucket) {
            return (Node<V>) BUCKET.getAcquire(table, bucket);
        }

        private static <V> void publish(Node<V>[] table, int bucket, Node<V> chain) {
            BUCKET.setRelease(table, bucket, chain);
        }

        synchronized void put(Object key, int hash, V value) {
            Node<V>[] current = table;
            int i = bucket(hash, current);
            Node<V> head = head(current, i);
            Node<V> existing = find(head, key);
            Node<V> rest = existing == null ? head : without(head, existing);
            publish(current, i, new Node<>(key, hash, value, rest, queue));
            if (existing == null && ++count > current.length * 3 / 4) {
                grow(current);
            }
        }

        synchronized V remove(Object key, int hash) {
            Node<V>[] current = table;
            int i = bucket(hash, current);
            Node<V> head = head(current, i);
            Node<V> existing = find(head, key);
            if (existing == null) {
                return null;
            }
            publish(current, i, without(head, existing));
            count--;
            return existing.value;
        }

        /** Drops a node whose key was collected, if it is still in the table (a copy or a resize made new ones). */
        synchronized void unlink(Node<V> dead) {
            Node<V>[] current = table;
            int i = bucket(dead.hash, current);
            Node<V> head = head(current, i);
            for (Node<V> node = head; node != null; node = node.next) {
                if (node == dead) {
                    publish(current, i, without(head, dead));
                    count--;
                    return;
                }
            }
        }

        synchronized void collectValues(List<V> into) {
            Node<V>[] current = table;
            for (int i = 0; i < current.length; i++) {
                for (Node<V> node = head(current, i); node != null; node = node.next) {
                    if (node.get() != null) {
                        into.add(node.value);
                    }
                }
            }
        }

        private static <V> Node<V> find(Node<V> head, Object key) {
            for (Node<V> node = head; node != null; node = node.next) {
                if (node.get() == key) {
                    return node;
                }
            }
            return null;
        }

        /**
         * The chain without {@code drop}: the nodes before it are copied, the tail after it is shared, so a reader
         * still walking the old chain is never disturbed. Chains are short (at most 3/4 of an entry per bucket on
         * average), so the recursion is shallow.
         */
        private Node<V> without(Node<V> node, Node<V> drop) {
            if (node == drop) {
                return drop.next;
            }
            Object key = node.get();
            Node<V> rest = without(node.next, drop);
            if (key == null) {
                count--; // collected and met on the way: dropped now (its own unlink will find nothing)
                return rest;
            }
            return new Node<>(key, node.hash, node.value, rest, queue);
        }

        private void grow(Node<V>[] old) {
            Node<V>[] bigger = newTable(old.length * 2);
            int live = 0;
            for (int i = 0; i < old.length; i++) {
                for (Node<V> node = head(old, i); node != null; node = node.next) {
                    Object key = node.get();
                    if (key != null) {
                        int j = bucket(node.hash, bigger);
                        publish(bigger, j, new Node<>(key, node.hash, node.value, head(bigger, j), queue));
                        live++;
                    }
                }
            }
            table = bigger;
            count = live;
        }
    }
}
