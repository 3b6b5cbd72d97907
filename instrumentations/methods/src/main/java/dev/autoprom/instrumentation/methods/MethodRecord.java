package dev.autoprom.instrumentation.methods;

import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * Everything recorded for one method, whichever sources named it (its annotations and the methods file): one
 * interception feeds all of its series, so a method named twice is still measured once.
 */
final class MethodRecord {

    private final CallSeries[] series;
    private final GaugeDataPoint[] active;
    final boolean takesArguments;

    MethodRecord(CallSeries[] series, GaugeDataPoint[] active) {
        this.series = series;
        this.active = active;
        boolean arguments = false;
        for (CallSeries s : series) {
            arguments |= s.takesArguments();
        }
        this.takesArguments = arguments;
    }

    void entered() {
        for (GaugeDataPoint gauge : active) {
            gauge.inc();
        }
    }

    /** Argument label values per series (null entries for series without such labels). */
    String[][] argumentValues(Object[] arguments) {
        String[][] values = new String[series.length][];
        for (int i = 0; i < series.length; i++) {
            if (series[i].takesArguments()) {
                values[i] = series[i].argumentValues(arguments);
            }
        }
        return values;
    }

    void exited(long nanos, Throwable thrown, String[][] argumentValues) {
        for (GaugeDataPoint gauge : active) {
            gauge.dec();
        }
        for (int i = 0; i < series.length; i++) {
            series[i].record(nanos, thrown, argumentValues == null ? null : argumentValues[i]);
        }
    }
}
