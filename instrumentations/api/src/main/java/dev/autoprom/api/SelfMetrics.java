package dev.autoprom.api;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own failure counters, shared by every family: {@code autoprom_agent_errors_total{component}} and
 * {@code autoprom_series_overflow_total{metric}}. Components and metric names are a small fixed set chosen by
 * the agent's code, never by application data, so these two are not capped.
 */
public final class SelfMetrics {

    public static final String AGENT_ERRORS = "autoprom_agent_errors_total";
    public static final String SERIES_OVERFLOW = "autoprom_series_overflow_total";

    private static final Counter ERRORS = AgentMetrics.counter(
                    AGENT_ERRORS, "Failures inside the agent, by component; the application was not affected.")
            .labelNames("component")
            .register(AgentMetrics.registry());
    private static final Counter OVERFLOW = AgentMetrics.counter(
                    SERIES_OVERFLOW,
                    "Observations recorded into a metric's overflow series because it reached "
                            + "autoprom.cardinality.limit label sets.")
            .labelNames("metric")
            .register(AgentMetrics.registry());

    private static final ConcurrentHashMap<String, CounterDataPoint> ERROR_CHILDREN = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, CounterDataPoint> OVERFLOW_CHILDREN = new ConcurrentHashMap<>();

    private SelfMetrics() {}

    /** Counts a failure of {@code component} and logs the first one of each kind. Never throws. */
    public static void recordError(String component, Throwable failure) {
        try {
            ERROR_CHILDREN.computeIfAbsent(component, ERRORS::labelValues).inc();
            String kind = failure == null ? "unknown" : failure.getClass().getName();
            if (AgentLog.firstTime("error:" + component + ':' + kind)) {
                AgentLog.warn("internal failure in " + component + " (counted in " + AGENT_ERRORS
                        + "; later ones of this kind are only counted): " + failure);
            }
        } catch (Throwable ignored) {
            // the error path itself must never throw into the application
        }
    }

    /** Counts a failure of {@code component} that its caller has logged in its own words. Never throws. */
    public static void countError(String component) {
        try {
            ERROR_CHILDREN.computeIfAbsent(component, ERRORS::labelValues).inc();
        } catch (Throwable ignored) {
            // the error path itself must never throw into the application
        }
    }

    /** Called for every observation that went to an overflow series: after the first, a map read and an inc. */
    static void seriesOverflow(String metricName) {
        CounterDataPoint child = OVERFLOW_CHILDREN.get(metricName);
        if (child == null) {
            child = OVERFLOW_CHILDREN.computeIfAbsent(metricName, OVERFLOW::labelValues);
            // built only here: the message (and the once-key) would otherwise be concatenated on every call
            AgentLog.warnOnce(
                    "overflow:" + metricName,
                    "metric " + metricName + " reached "
                            + "autoprom.cardinality.limit=" + AgentMetrics.seriesLimit()
                            + " label sets; further ones are "
                            + "recorded with label value " + CappedSeries.OVERFLOW + " and counted in "
                            + SERIES_OVERFLOW);
        }
        child.inc();
    }

    /** Registers both counters with no data, so that they are visible (and at zero) from the start. */
    public static void init() {
        // class initialisation does the work
    }
}
