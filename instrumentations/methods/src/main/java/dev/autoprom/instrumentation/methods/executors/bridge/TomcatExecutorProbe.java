package dev.autoprom.instrumentation.methods.executors.bridge;

import dev.autoprom.instrumentation.methods.executors.ExecutorProbe;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/** Tomcat's {@code ThreadPoolExecutor}, defined next to Tomcat (it is not the JDK's class, nor a subclass of it). */
public final class TomcatExecutorProbe implements ExecutorProbe {

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
}
