package dev.autoprom.agent;

import net.bytebuddy.asm.Advice;

/**
 * Test-only ({@code autoprom.test.fault.injection=true}): added next to every advice of every instrumentation,
 * it throws on entry and on exit of each instrumented method, to prove that a failing agent never changes what
 * the application sees. Each throw is counted in {@code autoprom_agent_errors_total{component="advice"}}.
 */
public final class FaultInjectionAdvice {

    private FaultInjectionAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        throw new IllegalStateException("autoprom fault injection (enter)");
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit() {
        throw new IllegalStateException("autoprom fault injection (exit)");
    }

    /**
     * The same for constructors, whose exit advice cannot use {@code onThrowable} (ByteBuddy refuses to catch
     * around a constructor call, and the whole class would then stay uninstrumented).
     */
    public static final class OnConstructor {

        private OnConstructor() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {
            throw new IllegalStateException("autoprom fault injection (constructor enter)");
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit() {
            throw new IllegalStateException("autoprom fault injection (constructor exit)");
        }
    }
}
