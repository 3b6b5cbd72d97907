package dev.autoprom.instrumentation.http.jdkserver;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK's built-in server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}). Every context the
 * application creates gets a metrics {@code Filter} put first in its filter list; the route is the context's
 * path. A context created before the agent was attached to a running JVM gets it at its first request after the
 * attach: the server reads a context's internal system filters just before its user filters for each exchange,
 * so advice there adds the filter in time for that very exchange. The server implementation classes are the
 * JDK's own, so the match is by their exact names.
 */
public final class JdkHttpServerInstrumentation extends LibraryInstrumentation {
    /** The classes this module instruments. */
    private static final String[] TYPES = {
        "sun.net.httpserver.HttpServerImpl", "sun.net.httpserver.HttpsServerImpl", "sun.net.httpserver.HttpContextImpl"
    };

    /** Only the JDK's own classes (the platform loader, or the bootstrap loader on an exploded image). */
    public JdkHttpServerInstrumentation() {
        super("http", "jdk-httpserver", Targets.named(TYPES));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return loader -> loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("createContext")
                                .and(not(isBridge()))
                                .and(takesArguments(1)
                                        .or(takesArguments(2)
                                                .and(takesArgument(1, named("com.sun.net.httpserver.HttpHandler")))))
                                .and(takesArgument(0, String.class)),
                        "dev.autoprom.instrumentation.http.jdkserver.CreateContextAdvice")
                // package-private and called only by the server, once per exchange: never by the application
                .advise(
                        named("getSystemFilters").and(takesArguments(0)),
                        "dev.autoprom.instrumentation.http.jdkserver.SystemFiltersAdvice");
    }
}
