package dev.autoprom.instrumentation.httpclient;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.instrumentation.http.HttpMethods;
import dev.autoprom.instrumentation.http.RouteSeries;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.Arrays;

/**
 * The label children of one server (one {@code server_address}). A service talks to a server on a handful of
 * (port, scheme, method, status, template, error) combinations, so their children live in small copy-on-write
 * arrays scanned by a numeric key: no allocation, no lock and no string building once a combination has been
 * seen. New combinations go through the recorder's {@code CappedSeries}, which enforces the series cap; only
 * real series are cached here, so once the cap is reached the overflow series keeps being the one counted.
 */
final class ServerSeries {

    private static final int MAX_CACHED = 64;

    final String address;
    private volatile Active[] active = new Active[0];
    private volatile Duration[] durations = new Duration[0];

    ServerSeries(String host) {
        this.address = ServerAddresses.label(host);
    }

    GaugeDataPoint active(int port, boolean https, int method) {
        long key = key(port, https, method, 0);
        for (Active a : active) {
            if (a.key == key) {
                return a.child;
            }
        }
        return createActive(key, port, https, method);
    }

    /** {@code template} and {@code errorType} are label values ("" when absent), compared by identity first. */
    DistributionDataPoint duration(int port, boolean https, int method, int status, String template, String errorType) {
        long key = key(port, https, method, status);
        for (Duration d : durations) {
            if (d.key == key && same(d.template, template) && same(d.errorType, errorType)) {
                return d.child;
            }
        }
        return createDuration(key, port, https, method, status, template, errorType);
    }

    private GaugeDataPoint createActive(long key, int port, boolean https, int method) {
        boolean roomLeft = HttpClientRecorder.ACTIVE_SERIES.size() < AgentMetrics.seriesLimit();
        GaugeDataPoint child = HttpClientRecorder.ACTIVE_SERIES.get(
                HttpMethods.name(method), address, Integer.toString(port), scheme(https));
        if (roomLeft) {
            synchronized (this) {
                Active[] current = active;
                for (Active a : current) {
                    if (a.key == key) {
                        return a.child;
                    }
                }
                if (current.length < MAX_CACHED) {
                    Active[] grown = Arrays.copyOf(current, current.length + 1);
                    grown[current.length] = new Active(key, child);
                    active = grown;
                }
            }
        }
        return child;
    }

    private DistributionDataPoint createDuration(
            long key, int port, boolean https, int method, int status, String template, String errorType) {
        boolean roomLeft = HttpClientRecorder.DURATION_SERIES.size() < AgentMetrics.seriesLimit();
        DistributionDataPoint child = HttpClientRecorder.DURATION_SERIES.get(
                HttpMethods.name(method),
                RouteSeries.statusText(status),
                address,
                Integer.toString(port),
                scheme(https),
                template,
                errorType);
        if (roomLeft) {
            synchronized (this) {
                Duration[] current = durations;
                for (Duration d : current) {
                    if (d.key == key && same(d.template, template) && same(d.errorType, errorType)) {
                        return d.child;
                    }
                }
                if (current.length < MAX_CACHED) {
                    Duration[] grown = Arrays.copyOf(current, current.length + 1);
                    grown[current.length] = new Duration(key, template, errorType, child);
                    durations = grown;
                }
            }
        }
        return child;
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private static long key(int port, boolean https, int method, int status) {
        int s = status < 0 || status > 999 ? 0 : status;
        return ((long) port << 20) | ((long) method << 11) | (https ? 1L << 10 : 0L) | s;
    }

    static String scheme(boolean https) {
        return https ? "https" : "http";
    }

    private static final class Active {
        final long key;
        final GaugeDataPoint child;

        Active(long key, GaugeDataPoint child) {
            this.key = key;
            this.child = child;
        }
    }

    private static final class Duration {
        final long key;
        final String template;
        final String errorType;
        final DistributionDataPoint child;

        Duration(long key, String template, String errorType, DistributionDataPoint child) {
            this.key = key;
            this.template = template;
            this.errorType = errorType;
            this.child = child;
        }
    }
}
