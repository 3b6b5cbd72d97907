package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.List;

/**
 * One spec's series for one method, with everything resolved at transform time: the label values in the
 * metric's order, where {@code exception}, {@code result}/{@code outcome} and the argument labels go. A call
 * that succeeds without argument labels records into one cached child: no lookup, no allocation.
 */
final class CallSeries {

    private final MethodMetrics.Registered metric;
    private final String[] template;
    private final int exceptionIndex;
    private final int resultIndex;
    private final boolean failuresOnly;
    private final ArgumentLabel[] argumentLabels;
    /** Where each argument label goes in {@link #template}; -1 when the metric has no such label. */
    private final int[] argumentIndexes;

    private volatile DataPoint success;

    CallSeries(MethodMetrics.Registered metric, SeriesSpec spec) {
        this.metric = metric;
        List<String> names = metric.labelNames;
        template = new String[names.size()];
        for (int i = 0; i < template.length; i++) {
            String value = spec.fixedLabels.get(names.get(i));
            template[i] = value == null ? "" : value;
        }
        exceptionIndex = names.indexOf(MethodMetricNames.EXCEPTION);
        resultIndex = spec.resultLabel == null ? -1 : names.indexOf(spec.resultLabel);
        failuresOnly = spec.failuresOnly;
        argumentLabels = spec.argumentLabels.toArray(new ArgumentLabel[0]);
        argumentIndexes = new int[argumentLabels.length];
        for (int i = 0; i < argumentLabels.length; i++) {
            argumentIndexes[i] = names.indexOf(argumentLabels[i].name);
        }
    }

    boolean takesArguments() {
        return argumentLabels.length > 0;
    }

    /** This series' argument label values for one call (taken on entry: the method may change its arguments). */
    String[] argumentValues(Object[] arguments) {
        String[] values = new String[argumentLabels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = argumentLabels[i].value(arguments);
        }
        return values;
    }

    void record(long nanos, Throwable thrown, String[] argumentValues) {
        if (thrown == null && failuresOnly) {
            return;
        }
        DataPoint child;
        if (thrown == null && argumentValues == null) {
            child = success;
            if (child == null) {
                child = lookUp(null, null);
                success = child;
            }
        } else {
            child = lookUp(thrown, argumentValues);
        }
        if (child instanceof DistributionDataPoint) {
            ((DistributionDataPoint) child).observe(nanos / 1_000_000_000.0);
        } else {
            ((CounterDataPoint) child).inc();
        }
    }

    private DataPoint lookUp(Throwable thrown, String[] argumentValues) {
        String[] values = template.clone();
        if (exceptionIndex >= 0) {
            values[exceptionIndex] = MethodMetricNames.exceptionName(thrown);
        }
        if (resultIndex >= 0) {
            values[resultIndex] = thrown == null ? MethodMetricNames.SUCCESS : MethodMetricNames.FAILURE;
        }
        if (argumentValues != null) {
            for (int i = 0; i < argumentIndexes.length; i++) {
                if (argumentIndexes[i] >= 0) {
                    values[argumentIndexes[i]] = argumentValues[i];
                }
            }
        }
        CappedSeries<? extends DataPoint> series = metric.histogram != null ? metric.histogram : metric.counter;
        return series.get(values);
    }
}
