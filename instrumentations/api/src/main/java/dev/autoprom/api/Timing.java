package dev.autoprom.api;

/**
 * The start times hooks hand back to their advice. One sentinel for every family: {@link #NOT_STARTED} (0) is
 * what a hook returns when it records nothing (a nested call, an excluded request), and it is also what an
 * advice's {@code @Advice.Enter} value holds when its enter part failed and was suppressed, so an exit hook
 * needs one test for both.
 */
public final class Timing {

    public static final long NOT_STARTED = 0L;

    private Timing() {}

    /** {@code System.nanoTime()}, never {@link #NOT_STARTED} (nanoTime may be any value, 0 included). */
    public static long start() {
        long now = System.nanoTime();
        return now == NOT_STARTED ? 1L : now;
    }
}
