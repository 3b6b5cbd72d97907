package dev.autoprom.instrumentation.methods;

import net.bytebuddy.asm.Advice;

/**
 * Advice on an annotated or configured method. The key is a constant in the instrumented code (ByteBuddy writes
 * the origin pattern as a string literal at transform time), so nothing is looked up reflectively per call.
 */
final class MethodAdvice {

    /** The key's pattern: {@code com.acme.IssueService.process(Ljava/lang/String;)V}. */
    static final String KEY = "#t.#m#d";

    private MethodAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.Origin(KEY) String key) {
        return MethodHooks.enter(key);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(@Advice.Origin(KEY) String key, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        MethodHooks.exit(key, start, thrown);
    }

    /** A configured method with labels from its arguments: they are boxed into an array, on these calls only. */
    static final class WithArguments {
        private WithArguments() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@Advice.Origin(KEY) String key, @Advice.AllArguments Object[] arguments) {
            return MethodHooks.enterWithArguments(key, arguments);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable thrown) {
            MethodHooks.exitWithArguments(call, thrown);
        }
    }
}
