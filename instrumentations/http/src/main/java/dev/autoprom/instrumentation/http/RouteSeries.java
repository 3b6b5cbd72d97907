package dev.autoprom.instrumentation.http;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * The duration children of one route. A route typically has a handful of (method, scheme, status, error)
 * combinations, so they live in a small copy-on-write array scanned by an int key: no allocation, no lock, no
 * string building once a combination has been seen. New combinations go through {@link
 * HttpServerRecorder#DURATION_SERIES}, which enforces the series cap.
 */
public final class RouteSeries {

    private static final int MAX_CACHED = 64;
    private static final String[] STATUS_TEXT = new String[600];

    static {
        for (int i = 100; i < STATUS_TEXT.length; i++) {
            STATUS_TEXT[i] = Integer.toString(i);
        }
    }

    private final String route;
    private volatile Entry[] entries = new Entry[0];

    RouteSeries(String route) {
        this.route = route;
    }

    /** The child for these values; {@code exceptionClass} is null when no exception escaped. */
    DistributionDataPoint child(int method, boolean https, int status, String exceptionClass) {
        int key = key(method, https, status);
        Entry[] current = entries;
        for (Entry e : current) {
            if (e.key == key
                    && (e.exceptionClass == exceptionClass
                            || (exceptionClass != null && exceptionClass.equals(e.exceptionClass)))) {
                return e.child;
            }
        }
        return create(key, method, https, status, exceptionClass);
    }

    private DistributionDataPoint create(int key, int method, boolean https, int status, String exceptionClass) {
        String statusText = statusText(status);
        String errorType = exceptionClass != null ? exceptionClass : status >= 500 ? statusText : "";
        boolean roomLeft = HttpServerRecorder.DURATION_SERIES.size() < AgentMetrics.seriesLimit();
        DistributionDataPoint child = HttpServerRecorder.DURATION_SERIES.get(
                HttpMethods.name(method), statusText, route, HttpServerRecorder.scheme(https), errorType);
        // cache only real series: once the cap is reached the overflow child must keep being counted
        if (roomLeft) {
            synchronized (this) {
                Entry[] current = entries;
                for (Entry e : current) {
                    if (e.key == key && java.util.Objects.equals(e.exceptionClass, exceptionClass)) {
                        return e.child; // another thread cached it meanwhile
                    }
                }
                if (current.length < MAX_CACHED) {
                    Entry[] grown = java.util.Arrays.copyOf(current, current.length + 1);
                    grown[current.length] = new Entry(key, exceptionClass, child);
                    entries = grown;
                }
            }
        }
        return child;
    }

    private static int key(int method, boolean https, int status) {
        int s = status < 0 || status > 999 ? 0 : status;
        return (method << 11) | (https ? 1 << 10 : 0) | s;
    }

    public static String statusText(int status) {
        if (status > 0 && status < STATUS_TEXT.length && STATUS_TEXT[status] != null) {
            return STATUS_TEXT[status];
        }
        return status > 0 && status <= 999 ? Integer.toString(status) : "";
    }

    private static final class Entry {
        final int key;
        final String exceptionClass;
        final DistributionDataPoint child;

        Entry(int key, String exceptionClass, DistributionDataPoint child) {
            this.key = key;
            this.exceptionClass = exceptionClass;
            this.child = child;
        }
    }
}
