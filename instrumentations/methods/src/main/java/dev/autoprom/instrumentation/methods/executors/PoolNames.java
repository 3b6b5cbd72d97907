package dev.autoprom.instrumentation.methods.executors;

/**
 * An executor's {@code name} label, from the name of one of its threads: the thread's number and the separators
 * before it go ({@code http-nio-8080-exec-3} → {@code http-nio-8080-exec}, {@code pool-2-thread-1} →
 * {@code pool-2-thread}). A fork-join pool's threads also carry {@code -worker}, which goes too
 * ({@code ForkJoinPool.commonPool-worker-1} → {@code ForkJoinPool.commonPool}, {@code ForkJoinPool-3-worker-1} →
 * {@code ForkJoinPool}). A name that would be empty is {@code unnamed}.
 */
public final class PoolNames {

    static final String UNNAMED = "unnamed";

    private PoolNames() {}

    /** The name of a {@code ThreadPoolExecutor} whose thread is called {@code threadName}. */
    public static String ofThreadPool(String threadName) {
        String name = stripNumber(threadName);
        return name.isEmpty() ? UNNAMED : name;
    }

    /** The name of a {@code ForkJoinPool} whose worker thread is called {@code threadName}. */
    public static String ofForkJoinPool(String threadName) {
        String name = stripNumber(threadName);
        if (name.endsWith("worker") && name.length() > 6 && isSeparator(name.charAt(name.length() - 7))) {
            name = stripNumber(name.substring(0, name.length() - 6));
        }
        return name.isEmpty() ? UNNAMED : name;
    }

    private static String stripNumber(String threadName) {
        if (threadName == null) {
            return "";
        }
        int end = threadName.length();
        while (end > 0) {
            char c = threadName.charAt(end - 1);
            if ((c >= '0' && c <= '9') || isSeparator(c)) {
                end--;
            } else {
                break;
            }
        }
        return threadName.substring(0, end);
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '#';
    }
}
