package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.CappedSeries;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.methods.config.ConfiguredMethods;
import dev.autoprom.instrumentation.methods.micrometer.MicrometerAnnotations;
import dev.autoprom.instrumentation.methods.microprofile.MicroProfileAnnotations;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The records of every instrumented method, by key ({@code class.nameDescriptor}). A record is built when the
 * method's class is transformed, from its annotations and the methods file together, so a method that several
 * sources name gets one advice and one measurement per call. The method matcher below is where that happens.
 */
public final class MethodSpecs {

    private static final ConcurrentHashMap<String, MethodRecord> RECORDS = new ConcurrentHashMap<>();

    private MethodSpecs() {}

    static MethodRecord record(String key) {
        return RECORDS.get(key);
    }

    /**
     * Methods with a record: those whose record needs the arguments ({@code withArguments}) or those that do not,
     * so that each method gets one of the two advice classes.
     */
    static ElementMatcher.Junction<MethodDescription> matcher(boolean withArguments) {
        return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
            @Override
            public boolean matches(MethodDescription method) {
                MethodRecord record = recordFor(method);
                return record != null && record.takesArguments == withArguments;
            }
        };
    }

    /** What the transformer does for each method of a candidate class (public for the benchmark). */
    public static Object prepare(MethodDescription method) {
        return recordFor(method);
    }

    static MethodRecord recordFor(MethodDescription method) {
        if (!method.isMethod()
                || method.isAbstract()
                || method.isNative()
                || method.isBridge()
                || method.isSynthetic()) {
            return null;
        }
        String key = method.getDeclaringType().asErasure().getName()
                + '.'
                + method.getInternalName()
                + method.getDescriptor();
        MethodRecord known = RECORDS.get(key);
        if (known != null) {
            return known;
        }
        try {
            List<SeriesSpec> specs = new ArrayList<>(2);
            List<String> gauges = new ArrayList<>(0);
            MicrometerAnnotations.read(method, specs);
            MicroProfileAnnotations.read(method, specs);
            ConfiguredMethods.specsFor(method, specs, gauges);
            if (specs.isEmpty()) {
                return null;
            }
            MethodRecord record = build(method, specs, gauges);
            MethodRecord raced = RECORDS.putIfAbsent(key.intern(), record);
            return raced != null ? raced : record;
        } catch (Throwable t) {
            AgentLog.warnOnce(
                    "methods.spec:" + key, "cannot read what to record for " + key + "; it runs unobserved: " + t);
            SelfMetrics.recordError("methods", t);
            return null;
        }
    }

    private static MethodRecord build(MethodDescription method, List<SeriesSpec> specs, List<String> gauges) {
        List<CallSeries> series = new ArrayList<>(specs.size());
        for (SeriesSpec spec : specs) {
            MethodMetrics.Registered metric;
            try {
                metric = MethodMetrics.metric(spec);
            } catch (RuntimeException refused) {
                AgentLog.warnOnce(
                        "methods.register:" + spec.name,
                        spec.origin + ": metric " + spec.name + " cannot be registered (" + refused.getMessage()
                                + "); it is not recorded");
                continue;
            }
            if (metric != null) {
                series.add(new CallSeries(metric, spec));
            }
        }
        String className = method.getDeclaringType().asErasure().getName();
        List<GaugeDataPoint> active = new ArrayList<>(gauges.size());
        for (String gauge : gauges) {
            try {
                CappedSeries<GaugeDataPoint> g = MethodMetrics.activeGauge(
                        gauge, "Calls in flight of the methods autoprom.methods.file names for " + gauge, gauge);
                if (g != null) {
                    active.add(g.get(className, method.getName()));
                }
            } catch (RuntimeException refused) {
                AgentLog.warnOnce(
                        "methods.register:" + gauge,
                        "gauge " + gauge + " cannot be registered (" + refused.getMessage() + ")");
            }
        }
        return new MethodRecord(series.toArray(new CallSeries[0]), active.toArray(new GaugeDataPoint[0]));
    }
}
