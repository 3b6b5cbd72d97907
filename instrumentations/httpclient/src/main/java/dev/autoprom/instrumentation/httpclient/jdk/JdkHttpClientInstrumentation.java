package dev.autoprom.instrumentation.httpclient.jdk;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.util.concurrent.Executor;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code java.net.http.HttpClient} (module {@code java.net.http}), HTTP/1.1 and HTTP/2. Its implementation
 * {@code jdk.internal.net.http.HttpClientImpl} funnels {@code send}, both {@code sendAsync} and the JDK's own
 * WebSocket handshake into one private {@code sendAsync(request, handler, pushPromiseHandler, executor)}, which
 * returns the future the application gets (or waits on, for {@code send}): one record per call, when that
 * future completes.
 */
public final class JdkHttpClientInstrumentation extends LibraryInstrumentation {

    private static final String[] TYPES = {"jdk.internal.net.http.HttpClientImpl"};

    public JdkHttpClientInstrumentation() {
        super("httpclient", "jdk-httpclient", Targets.named(TYPES));
    }

    /** Only the JDK's own classes (the platform loader, or the bootstrap loader on an exploded image). */
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return loader -> loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                named("sendAsync")
                        .and(isPrivate())
                        .and(takesArguments(4))
                        .and(takesArgument(0, named("java.net.http.HttpRequest")))
                        .and(takesArgument(1, named("java.net.http.HttpResponse$BodyHandler")))
                        .and(takesArgument(2, named("java.net.http.HttpResponse$PushPromiseHandler")))
                        .and(takesArgument(3, Executor.class)),
                "dev.autoprom.instrumentation.httpclient.jdk.SendAsyncAdvice");
    }
}
