package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.instrumentation.http.HttpServerMetricNames;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The method metrics by name, shared by every method that names them. A Prometheus metric has one set of label
 * names, so the first method to name a metric fixes them; a later method with other tags is mapped onto them
 * (a missing tag is empty, an extra one dropped, and logged once). A name taken by another type (a counter
 * named like a histogram) is refused with a message.
 */
final class MethodMetrics {

    /** One registered metric. */
    static final class Registered {
        final SeriesSpec.Kind kind;
        final List<String> labelNames;
        final CappedSeries<DistributionDataPoint> histogram;
        final CappedSeries<CounterDataPoint> counter;

        Registered(
                SeriesSpec.Kind kind,
                List<String> labelNames,
                CappedSeries<DistributionDataPoint> histogram,
                CappedSeries<CounterDataPoint> counter) {
            this.kind = kind;
            this.labelNames = labelNames;
            this.histogram = histogram;
            this.counter = counter;
        }
    }

    private static final Map<String, Registered> BY_NAME = new HashMap<>();
    private static final Map<String, CappedSeries<GaugeDataPoint>> GAUGES = new HashMap<>();

    private MethodMetrics() {}

    /** The metric {@code spec} records into; null (logged) when its name is taken by another type. */
    static synchronized Registered metric(SeriesSpec spec) {
        Registered existing = BY_NAME.get(spec.name);
        if (existing != null) {
            if (existing.kind != spec.kind) {
                AgentLog.warnOnce(
                        "methods.type:" + spec.name,
                        spec.origin + ": " + spec.name + " is already a "
                                + existing.kind.name().toLowerCase() + "; this "
                                + spec.kind.name().toLowerCase() + " is not recorded");
                return null;
            }
            List<String> wanted = spec.labelNames();
            if (!wanted.equals(existing.labelNames)) {
                AgentLog.warnOnce(
                        "methods.labels:" + spec.name + ':' + wanted,
                        spec.origin + ": " + spec.name + " has labels " + existing.labelNames + " (from the first"
                                + " method that named it); this method's " + wanted + " are mapped onto them");
            }
            return existing;
        }
        List<String> names = spec.labelNames();
        String[] labelNames = names.toArray(new String[0]);
        Registered created;
        if (spec.kind == SeriesSpec.Kind.HISTOGRAM) {
            Histogram histogram = AgentMetrics.histogram(spec.name, spec.help, HttpServerMetricNames.DURATION_BUCKETS)
                    .labelNames(labelNames)
                    .register(AgentMetrics.registry());
            created =
                    new Registered(spec.kind, names, new CappedSeries<>(histogram, spec.name, labelNames.length), null);
        } else {
            String base = spec.name.substring(0, spec.name.length() - "_total".length());
            Counter counter =
                    AgentMetrics.counter(base, spec.help).labelNames(labelNames).register(AgentMetrics.registry());
            created = new Registered(spec.kind, names, null, new CappedSeries<>(counter, spec.name, labelNames.length));
        }
        BY_NAME.put(spec.name, created);
        return created;
    }

    /** The calls-in-flight gauge {@code name} ({@code class}, {@code method}); null when the name is taken. */
    static synchronized CappedSeries<GaugeDataPoint> activeGauge(String name, String help, String origin) {
        CappedSeries<GaugeDataPoint> existing = GAUGES.get(name);
        if (existing != null) {
            return existing;
        }
        if (BY_NAME.containsKey(name)) {
            AgentLog.warnOnce("methods.gauge:" + name, origin + ": " + name + " is taken; no calls-in-flight gauge");
            return null;
        }
        Gauge gauge = AgentMetrics.gauge(name, help)
                .labelNames(MethodMetricNames.CLASS, MethodMetricNames.METHOD)
                .register(AgentMetrics.registry());
        CappedSeries<GaugeDataPoint> series = new CappedSeries<>(gauge, name, 2);
        GAUGES.put(name, series);
        return series;
    }
}
