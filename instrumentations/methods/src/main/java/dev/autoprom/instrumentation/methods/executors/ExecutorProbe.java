package dev.autoprom.instrumentation.methods.executors;

/**
 * How the agent reads one kind of executor at scrape time: the JDK's {@code ThreadPoolExecutor} and
 * {@code ForkJoinPool} directly, Tomcat's own {@code ThreadPoolExecutor} (a fork of the JDK's, not a subclass)
 * through a bridge next to Tomcat. Each method takes the executor as an {@code Object}, so this role names no
 * library type.
 */
public interface ExecutorProbe {

    /** Whether {@link #completedTasks} and rejections mean anything for this kind (a fork-join pool has neither). */
    boolean countsTasks();

    int activeThreads(Object executor);

    int poolSize(Object executor);

    int maxThreads(Object executor);

    long queuedTasks(Object executor);

    long completedTasks(Object executor);

    boolean isTerminated(Object executor);

    /** The executor's thread factory, to tell the agent's own executors apart; null when there is none. */
    Object threadFactory(Object executor);

    /** What a bridge that cannot be created resolves to: reads nothing, and its executors are never registered. */
    ExecutorProbe NONE = new ExecutorProbe() {
        @Override
        public boolean countsTasks() {
            return false;
        }

        @Override
        public int activeThreads(Object executor) {
            return 0;
        }

        @Override
        public int poolSize(Object executor) {
            return 0;
        }

        @Override
        public int maxThreads(Object executor) {
            return 0;
        }

        @Override
        public long queuedTasks(Object executor) {
            return 0;
        }

        @Override
        public long completedTasks(Object executor) {
            return 0;
        }

        @Override
        public boolean isTerminated(Object executor) {
            return true;
        }

        @Override
        public Object threadFactory(Object executor) {
            return null;
        }
    };
}
