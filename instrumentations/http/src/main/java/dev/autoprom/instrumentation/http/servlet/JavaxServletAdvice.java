package dev.autoprom.instrumentation.http.servlet;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import net.bytebuddy.asm.Advice;

/** Inlined into every javax {@code Servlet.service} and {@code FilterChain.doFilter}. */
public final class JavaxServletAdvice {

    private JavaxServletAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static long enter(@Advice.Argument(0) ServletRequest request) {
        return ServletHooks.enter(ServletRequest.class, request);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(
            @Advice.Enter long start,
            @Advice.Argument(0) ServletRequest request,
            @Advice.Argument(1) ServletResponse response,
            @Advice.Thrown Throwable thrown) {
        ServletHooks.exit(start, ServletRequest.class, request, response, thrown);
    }
}
