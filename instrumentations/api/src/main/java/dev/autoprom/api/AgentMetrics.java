package dev.autoprom.api;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The agent's registry and the builders every family uses, so that the settings that apply to all metrics
 * ({@code autoprom.labels}, {@code autoprom.histogram.native}, {@code autoprom.cardinality.limit}) are applied
 * in one place. The agent calls {@link #configure} once, before any instrumentation is installed; recorders
 * build their metrics in static initialisers, which run later, on first use.
 *
 * <p>The registry is the agent's own, never the application's {@code PrometheusRegistry.defaultRegistry}
 * (which, relocated, would be a different class anyway).
 */
public final class AgentMetrics {

    private static final PrometheusRegistry REGISTRY = new PrometheusRegistry();
    /**
     * The Prometheus client's settings for every agent metric and the exporter: its defaults, never the ones
     * its {@code PrometheusProperties.get()} reads from {@code io.prometheus.*} system properties, environment
     * variables or {@code prometheus.properties}. Those configure the application's own Prometheus client (the
     * relocated copy reads the same names), not the agent, which has its own settings.
     */
    public static final PrometheusProperties PROPERTIES =
            PrometheusProperties.builder().build();

    private static volatile int seriesLimit = 2000;
    private static volatile boolean nativeHistograms = false;
    private static volatile Labels constLabels = Labels.EMPTY;

    private AgentMetrics() {}

    /** Called once by the agent at start-up. */
    public static void configure(int seriesLimitPerMetric, boolean withNativeHistograms, Labels constantLabels) {
        seriesLimit = seriesLimitPerMetric;
        nativeHistograms = withNativeHistograms;
        constLabels = constantLabels;
    }

    public static PrometheusRegistry registry() {
        return REGISTRY;
    }

    public static int seriesLimit() {
        return seriesLimit;
    }

    public static Labels constLabels() {
        return constLabels;
    }

    /**
     * A histogram with the given classic buckets; native buckets are added only when
     * {@code autoprom.histogram.native=true}. Exemplars are off: sampling them costs time on every observation.
     */
    public static Histogram.Builder histogram(String name, String help, double... buckets) {
        Histogram.Builder builder = Histogram.builder(PROPERTIES)
                .name(name)
                .help(help)
                .classicUpperBounds(buckets)
                .constLabels(constLabels);
        if (!nativeHistograms) {
            builder.classicOnly();
        }
        builder.withoutExemplars();
        return builder;
    }

    public static Counter.Builder counter(String name, String help) {
        Counter.Builder builder =
                Counter.builder(PROPERTIES).name(name).help(help).constLabels(constLabels);
        builder.withoutExemplars();
        return builder;
    }

    public static Gauge.Builder gauge(String name, String help) {
        Gauge.Builder builder = Gauge.builder(PROPERTIES).name(name).help(help).constLabels(constLabels);
        builder.withoutExemplars();
        return builder;
    }
}
