package dev.autoprom.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own logger: one line per message on stderr, prefixed {@code [autoprom]}. It deliberately avoids
 * {@code java.util.logging}: initialising the JDK log manager from premain breaks applications that install
 * their own (JBoss LogManager, WildFly).
 */
public final class AgentLog {

    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR,
        OFF
    }

    private static volatile Level threshold = Level.INFO;
    private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();
    /** Bounds the once-set so that a flood of distinct keys cannot grow memory. */
    private static final int ONCE_CAPACITY = 1000;

    private AgentLog() {}

    public static void setLevel(Level level) {
        threshold = level;
    }

    public static boolean isDebugEnabled() {
        return threshold == Level.DEBUG;
    }

    public static void debug(String message) {
        log(Level.DEBUG, message, null);
    }

    public static void info(String message) {
        log(Level.INFO, message, null);
    }

    public static void warn(String message) {
        log(Level.WARN, message, null);
    }

    public static void error(String message) {
        log(Level.ERROR, message, null);
    }

    public static void error(String message, Throwable cause) {
        log(Level.ERROR, message, cause);
    }

    /** Logs {@code message} at WARN the first time {@code key} is seen; later calls with that key are silent. */
    public static void warnOnce(String key, String message) {
        if (firstTime(key)) {
            warn(message);
        }
    }

    /** True the first time a key is seen (until the bounded set is full, after which nothing is logged). */
    static boolean firstTime(String key) {
        return ONCE.size() < ONCE_CAPACITY && ONCE.add(key);
    }

    private static void log(Level level, String message, Throwable cause) {
        if (level.ordinal() < threshold.ordinal()) {
            return;
        }
        StringBuilder line = new StringBuilder(message.length() + 32)
                .append("[autoprom] ")
                .append(level)
                .append(' ')
                .append(message);
        if (cause != null) {
            line.append(": ").append(cause);
        }
        System.err.println(line);
    }
}
