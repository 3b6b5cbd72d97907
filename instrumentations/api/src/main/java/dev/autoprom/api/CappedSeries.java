package dev.autoprom.api;

import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The label children of one metric, cached and capped. At most {@code autoprom.cardinality.limit} distinct
 * label sets are created; past that every new set is recorded into one overflow series (all labels
 * {@value #OVERFLOW}) and counted in {@code autoprom_series_overflow_total{metric}}. The cache doubles as the
 * bound, so a flood of distinct values cannot grow memory either.
 *
 * <p>{@link #get} costs one map lookup per label and allocates nothing for a known label set (the caller's
 * varargs array aside); recorders that see the same label set again and again should also keep the returned
 * child in a field.
 */
public final class CappedSeries<D extends DataPoint> {

    public static final String OVERFLOW = "_overflow";

    private final StatefulMetric<D, ?> metric;
    private final String metricName;
    private final int labelCount;
    private final int limit;
    /**
     * A tree with one level per label: the first label's value leads to a map of the second's, and so on; the
     * last level holds the child. Looking up an existing label set walks it without allocating (a list key
     * would allocate a wrapper, and hash with an iterator, on every call).
     */
    private final ConcurrentHashMap<String, Object> root = new ConcurrentHashMap<>();

    private final AtomicInteger size = new AtomicInteger();
    private volatile D overflowChild;

    public CappedSeries(StatefulMetric<D, ?> metric, String metricName, int labelCount) {
        this(metric, metricName, labelCount, AgentMetrics.seriesLimit());
    }

    CappedSeries(StatefulMetric<D, ?> metric, String metricName, int labelCount, int limit) {
        this.metric = metric;
        this.metricName = metricName;
        this.labelCount = labelCount;
        this.limit = limit;
    }

    /** The child for these label values; {@code null} values become empty strings. */
    @SuppressWarnings("unchecked")
    public D get(String... labelValues) {
        if (labelValues.length == 0) {
            return metric.labelValues();
        }
        D child = find(labelValues);
        return child != null ? child : create(labelValues);
    }

    /** The existing child for these label values, or {@code null}; no lock, no allocation. */
    @SuppressWarnings("unchecked")
    private D find(String[] labelValues) {
        Object node = root;
        for (int i = 0; i < labelValues.length && node != null; i++) {
            String value = labelValues[i] == null ? "" : labelValues[i];
            node = ((ConcurrentHashMap<String, Object>) node).get(value);
        }
        return (D) node;
    }

    /** Forgets a label set, for series that must disappear (a closed pool). */
    @SuppressWarnings("unchecked")
    public void remove(String... labelValues) {
        synchronized (root) {
            ConcurrentHashMap<String, Object> level = root;
            for (int i = 0; i < labelValues.length - 1 && level != null; i++) {
                level = (ConcurrentHashMap<String, Object>) level.get(orEmpty(labelValues[i]));
            }
            if (level != null && level.remove(orEmpty(labelValues[labelValues.length - 1])) != null) {
                size.decrementAndGet();
                metric.remove(labelValues);
            }
        }
    }

    /** Number of label sets currently held, not counting the overflow series. */
    public int size() {
        return size.get();
    }

    @SuppressWarnings("unchecked")
    private D create(String[] labelValues) {
        if (size.get() >= limit) {
            // Full: no label set can be added any more, so an unknown one goes to the overflow series without
            // the lock and the copy below. Under a cardinality attack every operation takes this path, and it
            // must not serialise the application's threads on one lock. (Look again first: the set may have been
            // created by another thread since the caller's lookup, just before the limit was reached.)
            D existing = find(labelValues);
            if (existing != null) {
                return existing;
            }
            SelfMetrics.seriesOverflow(metricName);
            return overflow();
        }
        String[] values = new String[labelValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = orEmpty(labelValues[i]);
        }
        synchronized (root) {
            ConcurrentHashMap<String, Object> level = root;
            for (int i = 0; i < values.length - 1 && level != null; i++) {
                Object next = level.get(values[i]);
                if (next == null && size.get() < limit) {
                    next = new ConcurrentHashMap<String, Object>();
                    level.put(values[i], next);
                }
                level = (ConcurrentHashMap<String, Object>) next;
            }
            Object existing = level == null ? null : level.get(values[values.length - 1]);
            if (existing != null) {
                return (D) existing;
            }
            if (level != null && size.get() < limit) {
                D child = metric.labelValues(values);
                level.put(values[values.length - 1], child);
                size.incrementAndGet();
                return child;
            }
        }
        SelfMetrics.seriesOverflow(metricName);
        return overflow();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private D overflow() {
        D child = overflowChild;
        if (child == null) {
            String[] values = new String[labelCount];
            Arrays.fill(values, OVERFLOW);
            child = metric.labelValues(values);
            overflowChild = child;
        }
        return child;
    }
}
