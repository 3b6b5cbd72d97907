package dev.autoprom.instrumentation.http.servlet;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Servlets and filters of both namespaces ({@code javax.servlet} 3.0+ and {@code jakarta.servlet} 5+), on any
 * container: {@code Servlet.service(req, res)} and {@code Filter.doFilter(req, res, chain)} of every
 * implementation. Only the outermost of these calls on a thread records, so a filter chain, a forward or an
 * include counts once, and container re-dispatches (async, error pages) are not counted again.
 */
public final class ServletInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.http.servlet.";

    public ServletInstrumentation() {
        super(
                "http",
                "servlet",
                Targets.subtypesOf(
                                "jakarta.servlet.Servlet",
                                "jakarta.servlet.Filter",
                                "javax.servlet.Servlet",
                                "javax.servlet.Filter")
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

    /** {@code service(ServletRequest, ServletResponse)} or {@code doFilter(ServletRequest, ServletResponse, FilterChain)}. */
    private static ElementMatcher<MethodDescription> handler(String namespace) {
        String pkg = namespace + ".servlet.";
        ElementMatcher.Junction<MethodDescription> requestAndResponse =
                takesArgument(0, named(pkg + "ServletRequest")).and(takesArgument(1, named(pkg + "ServletResponse")));
        return not(isAbstract())
                .and(requestAndResponse)
                .and(named("service")
                        .and(takesArguments(2))
                        .or(named("doFilter")
                                .and(takesArguments(3))
                                .and(takesArgument(2, named(pkg + "FilterChain")))));
    }
}
