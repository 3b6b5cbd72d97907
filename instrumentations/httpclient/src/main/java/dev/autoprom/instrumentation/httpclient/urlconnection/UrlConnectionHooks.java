package dev.autoprom.instrumentation.httpclient.urlconnection;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.httpclient.ClientScope;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * What the {@code HttpURLConnection} advice calls. A connection's request spans several of its methods, so its
 * state ({@link UrlConnectionRequest}) is attached to the connection object, weakly: a connection the application
 * drops takes it along. The hooks run with the connection's own lock held, except {@code disconnect()}, which
 * takes none (see {@link UrlConnectionRequest} for how the two threads then agree).
 *
 * <p>Lifecycle: opening the connection starts the clock (not yet active: an application may open a connection
 * and never use it); the first read or streamed write makes the request active; the response headers (or the
 * failure) end it. A failed open outside a read or write (the application's own {@code connect()}) is one
 * errored record. Each followed redirect ends one request and starts the next.
 */
public final class UrlConnectionHooks {

    static final String COMPONENT = "httpclient.httpurlconnection";
    private static final WeakIdentityMap<UrlConnectionRequest> REQUESTS = new WeakIdentityMap<>();

    private UrlConnectionHooks() {}

    public static void connecting(HttpURLConnection connection) {
        try {
            if (REQUESTS.get(connection) == null) {
                REQUESTS.put(
                        connection,
                        new UrlConnectionRequest(
                                connection.getURL(), connection.getRequestMethod(), ClientScope.take()));
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** Opening the connection failed: recorded here unless a read or write is under way (it records then). */
    public static void connected(HttpURLConnection connection, Throwable thrown) {
        try {
            if (thrown == null) {
                return;
            }
            UrlConnectionRequest request = REQUESTS.get(connection);
            if (request != null && !request.isActive()) {
                REQUESTS.remove(connection);
                request.activate();
                request.end(0, thrown);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * A read or write begins; {@code fresh} is false when the connection already has its response or its failure
     * (later reads of the same connection send nothing). Returns whether this call carries the request: only then
     * does its end end the request.
     */
    public static boolean sending(HttpURLConnection connection, boolean fresh) {
        if (!fresh) {
            return false;
        }
        try {
            UrlConnectionRequest request = REQUESTS.get(connection);
            if (request == null) {
                request = new UrlConnectionRequest(
                        connection.getURL(), connection.getRequestMethod(), ClientScope.take());
                REQUESTS.put(connection, request);
            }
            if (!request.isActive()) {
                request.activate();
            }
            request.working(true);
            return true;
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return false;
        }
    }

    /** {@code getOutputStream} returned: the request goes on at the read, unless the write failed. */
    public static void written(HttpURLConnection connection, Throwable thrown) {
        if (thrown != null) {
            finish(connection, 0, thrown);
            return;
        }
        try {
            UrlConnectionRequest request = REQUESTS.get(connection);
            if (request != null) {
                request.working(false);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The read ended with the response headers or a failure. A 4xx/5xx also throws ({@code FileNotFoundException}
     * for 404), but the response is there: its status is the outcome, not the exception.
     */
    public static void responded(HttpURLConnection connection, int status, Throwable thrown) {
        finish(connection, status, status > 0 ? null : thrown);
    }

    /** A redirect answered with {@code status} is followed: that request ends, the next one starts. */
    public static void redirected(HttpURLConnection connection, int status, boolean followed) {
        if (!followed) {
            return;
        }
        try {
            UrlConnectionRequest request = REQUESTS.get(connection);
            if (request != null && request.isActive()) {
                request.end(status, null);
                UrlConnectionRequest next =
                        new UrlConnectionRequest(connection.getURL(), connection.getRequestMethod(), null);
                next.activate();
                REQUESTS.put(connection, next);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The application closed the connection. A read running meanwhile (on another thread: {@code disconnect()} takes
     * no lock, it is how a blocking call is cancelled) fails now and records the request with its failure; a
     * request with no read running (a body written, the response never asked for) ends here unrecorded.
     */
    public static void disconnected(HttpURLConnection connection) {
        try {
            UrlConnectionRequest request = REQUESTS.get(connection);
            if (request != null && !request.isWorking() && REQUESTS.remove(connection) != null) {
                request.abandon();
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    private static void finish(HttpURLConnection connection, int status, Throwable thrown) {
        try {
            UrlConnectionRequest request = REQUESTS.remove(connection);
            if (request != null) {
                if (!request.isActive()) {
                    request.activate();
                }
                request.end(status, thrown);
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** For tests: requests attached to live connections. */
    static int open() {
        return REQUESTS.size();
    }

    static boolean isHttps(URL url) {
        return url != null && "https".equalsIgnoreCase(url.getProtocol());
    }
}
