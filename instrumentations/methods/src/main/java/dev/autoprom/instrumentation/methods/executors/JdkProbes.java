package dev.autoprom.instrumentation.methods.executors;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/** The JDK's two executors, read through their public getters (the same ones Micrometer's binder uses). */
final class JdkProbes {

    private JdkProbes() {}

    static final ExecutorProbe THREAD_POOL = new ExecutorProbe() {
        @Override
        public boolean countsTasks() {
            return true;
        }

        @Override
        public int activeThreads(Object executor) {
            return ((ThreadPoolExecutor) executor).getActiveCount();
        }

        @Override
        public int poolSize(Object executor) {
            return ((ThreadPoolExecutor) executor).getPoolSize();
        }

        @Override
        public int maxThreads(Object executor) {
            return ((ThreadPoolExecutor) executor).getMaximumPoolSize();
        }

        @Override
        public long queuedTasks(Object executor) {
            return ((ThreadPoolExecutor) executor).getQueue().size();
        }

        @Override
        public long completedTasks(Object executor) {
            return ((ThreadPoolExecutor) executor).getCompletedTaskCount();
        }

        @Override
        public boolean isTerminated(Object executor) {
            return ((ThreadPoolExecutor) executor).isTerminated();
        }

        @Override
        public Object threadFactory(Object executor) {
            return ((ThreadPoolExecutor) executor).getThreadFactory();
        }
    };

    /** A fork-join pool: its parallelism is its maximum; tasks queued in workers and submissions both count. */
    static final ExecutorProbe FORK_JOIN = new ExecutorProbe() {
        @Override
        public boolean countsTasks() {
            return false;
        }

        @Override
        public int activeThreads(Object executor) {
            return ((ForkJoinPool) executor).getActiveThreadCount();
        }

        @Override
        public int poolSize(Object executor) {
            return ((ForkJoinPool) executor).getPoolSize();
        }

        @Override
        public int maxThreads(Object executor) {
            return ((ForkJoinPool) executor).getParallelism();
        }

        @Override
        public long queuedTasks(Object executor) {
            ForkJoinPool pool = (ForkJoinPool) executor;
            return pool.getQueuedTaskCount() + pool.getQueuedSubmissionCount();
        }

        @Override
        public long completedTasks(Object executor) {
            return 0;
        }

        @Override
        public boolean isTerminated(Object executor) {
            return ((ForkJoinPool) executor).isTerminated();
        }

        @Override
        public Object threadFactory(Object executor) {
            return ((ForkJoinPool) executor).getFactory();
        }
    };
}
