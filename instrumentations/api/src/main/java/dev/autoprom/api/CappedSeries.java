package dev.autoprom.api;

import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label children of one metric, cached and capped. At most {@code autoprom.cardinality.limit} distinct
 * label sets are created; past that every new set is recorded into one overflow series (all labels
 * {@value #OVERFLOW}) and counted in {@code autoprom_series_overflow_total{metric}}. The cache doubles as the
 * bound, so a flood of distinct values cannot grow memory either.
 *
 * <p>{@link #get} costs one map lookup (plus the varargs array); recorders that see the same label set again
 * and again should also keep the returned child in a field.
 */
public final class CappedSeries<D extends DataPoint> {

    public static final String OVERFLOW = "_overflow";

    private final StatefulMetric<D, ?> metric;
    private final String metricName;
    private final int labelCount;
    private final int limit;
    private final ConcurrentHashMap<List<String>, D> children = new ConcurrentHashMap<>();
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
    public D get(String... labelValues) {
        for (int i = 0; i < labelValues.length; i++) {
            if (labelValues[i] == null) {
                labelValues[i] = "";
            }
        }
        List<String> key = Arrays.asList(labelValues);
        D child = children.get(key);
        return child != null ? child : create(key);
    }

    /** Forgets a label set, for series that must disappear (a closed pool). */
    public void remove(String... labelValues) {
        if (children.remove(Arrays.asList(labelValues)) != null) {
            metric.remove(labelValues);
        }
    }

    /** Number of label sets currently held, not counting the overflow series. */
    public int size() {
        return children.size();
    }

    private D create(List<String> key) {
        synchronized (children) {
            D existing = children.get(key);
            if (existing != null) {
                return existing;
            }
            if (children.size() < limit) {
                // copy: the caller's varargs array must not be retained as a map key it could still change
                List<String> ownKey = List.copyOf(key);
                D child = metric.labelValues(ownKey.toArray(new String[0]));
                children.put(ownKey, child);
                return child;
            }
        }
        SelfMetrics.seriesOverflow(metricName);
        return overflow();
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
