package dev.autoprom.instrumentation.jdbc.pool;

import java.util.Locale;

/**
 * Whether a failed getConnection was a timeout. The libraries signal it differently (DBCP2's "Timeout waiting for
 * idle object", Tomcat's PoolExhaustedException "Timeout: Pool empty", c3p0's "checkout ... timed out" caused by
 * a TimeoutException, Agroal's "acquisition timeout"), so the cause chain's class names and messages are searched
 * for "timeout"/"timed out". Only called on the failure path.
 */
final class PoolTimeouts {

    private PoolTimeouts() {}

    static boolean isTimeout(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (mentionsTimeout(t.getClass().getName()) || mentionsTimeout(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsTimeout(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("timeout") || lower.contains("timed out");
    }
}
