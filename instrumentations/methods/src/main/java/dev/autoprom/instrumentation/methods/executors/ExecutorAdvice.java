package dev.autoprom.instrumentation.methods.executors;

import net.bytebuddy.asm.Advice;

/** Advice on the JDK's and Tomcat's executors; each calls {@link ExecutorHooks} and nothing else. */
final class ExecutorAdvice {

    private ExecutorAdvice() {}

    /** {@code ThreadPoolExecutor.runWorker(Worker)}: once per worker thread, on that thread. */
    static final class ThreadPoolWorker {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor) {
            ExecutorHooks.threadPoolWorkerStarted(executor);
        }
    }

    /** Tomcat's {@code ThreadPoolExecutor.runWorker(Worker)}. */
    static final class TomcatWorker {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor) {
            ExecutorHooks.tomcatWorkerStarted(executor);
        }
    }

    /** {@code ForkJoinWorkerThread.run()}. */
    static final class ForkJoinWorker {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Thread worker) {
            ExecutorHooks.forkJoinWorkerStarted(worker);
        }
    }

    /** {@code reject(Runnable)} of either thread pool. */
    static final class Reject {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object executor) {
            ExecutorHooks.rejected(executor);
        }
    }
}
