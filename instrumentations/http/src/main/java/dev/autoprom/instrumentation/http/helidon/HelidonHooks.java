package dev.autoprom.instrumentation.http.helidon;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.Timing;
import dev.autoprom.instrumentation.http.HttpServerRecorder;
import dev.autoprom.instrumentation.http.ServerRequestScope;

/**
 * What the Helidon advice calls (plain values only: this class is on the bootstrap path). A request is the one
 * call of {@code HttpRoutingImpl.route} on the connection's thread; what Helidon's error handling and service
 * routing see during it is kept in the thread's {@link ServerRequestScope} (one per thread, reused).
 */
public final class HelidonHooks {

    static final String COMPONENT = "http.helidon";

    /** Helidon's matcher for a literal path: the path it matched is the registration path itself. */
    private static final String EXACT_MATCHER = "io.helidon.http.PathMatchers$ExactPathMatcher";

    private HelidonHooks() {}

    /** {@code route} was entered: returns the start time, or {@link Timing#NOT_STARTED} (nested, or failed). */
    public static long begin(int method, boolean https) {
        try {
            ServerRequestScope scope = ServerRequestScope.current();
            if (scope.depth++ > 0) {
                return Timing.NOT_STARTED; // inside a request already being recorded on this thread
            }
            scope.clearLent();
            return HttpServerRecorder.start(method, https);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
            return Timing.NOT_STARTED;
        }
    }

    /**
     * {@code route} returned or threw.
     *
     * @param status the response's status; 0 when the route threw before anything was sent
     * @param pattern {@code matchingPattern()} of the request, or null
     * @param thrown what escaped {@code route} (the response could not be completed), or null
     */
    public static void end(long start, int method, boolean https, int status, String pattern, Throwable thrown) {
        try {
            ServerRequestScope scope = ServerRequestScope.current();
            if (start == Timing.NOT_STARTED) {
                if (scope.depth > 0) {
                    scope.depth--;
                }
                return;
            }
            scope.depth = 0;
            Throwable lent = scope.frameworkError;
            Throwable error;
            if (thrown != null) {
                error = lent != null ? lent : thrown; // the I/O failure under Helidon's CloseConnectionException
            } else {
                error = status >= 500 ? lent : null; // handled into a 4xx (404's NotFoundException): no error
            }
            String route = route(pattern, scope.rawRoutePart, scope.rawRouteParts);
            scope.clearLent();
            HttpServerRecorder.end(start, method, https, status, route, error);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /**
     * The route label: Helidon's pattern, unless it was built on the path matched by a service registered under a
     * path pattern ({@code /users/{id}} + {@code /orders}: Helidon reports {@code /users/42/orders}); then empty.
     */
    static String route(String pattern, String rawPart, int rawParts) {
        if (pattern == null) {
            return "";
        }
        if (rawParts > 1 || (rawParts == 1 && pattern.contains(rawPart))) {
            return "";
        }
        return pattern;
    }

    /** Helidon's error handling is turning {@code thrown} into a response: the first one of a request is kept. */
    public static void errorHandled(Throwable thrown) {
        try {
            ServerRequestScope.lendError(thrown);
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }

    /** Whether a service's path matcher matches a literal path (its matched path is then no request data). */
    public static boolean isLiteral(Object matcher) {
        return matcher != null && EXACT_MATCHER.equals(matcher.getClass().getName());
    }

    /** A service registered under a path pattern accepted the request, having matched {@code matchedPath}. */
    public static void rawPrefix(String matchedPath) {
        try {
            if (matchedPath == null || matchedPath.isEmpty() || matchedPath.equals("/")) {
                return; // the root: nothing of the request in front of the route
            }
            ServerRequestScope scope = ServerRequestScope.current();
            if (scope.depth > 0) {
                scope.rawRoutePart = matchedPath;
                scope.rawRouteParts++;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(COMPONENT, t);
        }
    }
}
