package dev.autoprom.instrumentation.methods.executors;

import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Every {@code java.util.concurrent.ThreadPoolExecutor} (the {@code Executors} factories, Spring's
 * {@code ThreadPoolTaskExecutor} underneath) and every {@code ForkJoinPool}, the common pool included. Both
 * classes are usually loaded after premain, and are retransformed when they were loaded before (or when the
 * agent is attached late). The advice is on the start of a worker thread and on a rejection only, never on
 * {@code execute}: a task costs nothing.
 */
public final class ExecutorsInstrumentation extends LibraryInstrumentation {

    static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
    static final String FORK_JOIN_WORKER = "java.util.concurrent.ForkJoinWorkerThread";

    public ExecutorsInstrumentation() {
        super("methods", "executors", Targets.named(THREAD_POOL, FORK_JOIN_WORKER));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        THREAD_POOL,
                        named("runWorker").and(takesArguments(1)),
                        ExecutorAdvice.ThreadPoolWorker.class.getName())
                .advise(
                        THREAD_POOL,
                        named("reject").and(takesArguments(Runnable.class)),
                        ExecutorAdvice.Reject.class.getName())
                .advise(
                        FORK_JOIN_WORKER,
                        named("run").and(takesArguments(0)),
                        ExecutorAdvice.ForkJoinWorker.class.getName());
    }
}
