package dev.autoprom.instrumentation.http.servlet;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Servlets and filter chains of both namespaces ({@code javax.servlet} 3.0+ and {@code jakarta.servlet} 5+), on
 * any container: {@code Servlet.service(req, res)} and {@code FilterChain.doFilter(req, res)} of every
 * implementation. Only the outermost of these calls on a thread records, so a filter chain, a forward or an
 * include counts once, and container re-dispatches (async, error pages) are not counted again.
 *
 * <p>The chain, not each {@code Filter}: a container runs its filters through its own chain (Tomcat's
 * {@code ApplicationFilterChain}, Jetty's {@code ServletHandler} chain, Undertow's {@code FilterChainImpl}),
 * whose first {@code doFilter} wraps them all, and calls the servlet directly when there is none. An application
 * has dozens of filters (Spring Security alone brings fifteen) but a handful of chain classes, and each advised
 * class is one more rewrite at start-up.
 */
public final class ServletInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.http.servlet.";

    public ServletInstrumentation() {
        super(
                "http",
                "servlet",
                Targets.subtypesOf(
                                "jakarta.servlet.Servlet",
                                "jakarta.servlet.FilterChain",
                                "javax.servlet.Servlet",
                                "javax.servlet.FilterChain")
                        .declaring("service", "doFilter"));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("jakarta.servlet.Servlet", "javax.servlet.Servlet");
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(handler("jakarta"), ADVICE + "JakartaServletAdvice");
        target.advise(handler("javax"), ADVICE + "JavaxServletAdvice");
    }

    /** {@code service(ServletRequest, ServletResponse)} or {@code doFilter(ServletRequest, ServletResponse)}. */
    private static ElementMatcher<MethodDescription> handler(String namespace) {
        String pkg = namespace + ".servlet.";
        return not(isAbstract())
                .and(namedOneOf("service", "doFilter"))
                .and(takesArguments(2))
                .and(takesArgument(0, named(pkg + "ServletRequest")))
                .and(takesArgument(1, named(pkg + "ServletResponse")));
    }
}
