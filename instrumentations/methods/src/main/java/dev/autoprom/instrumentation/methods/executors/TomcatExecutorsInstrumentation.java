package dev.autoprom.instrumentation.methods.executors;

import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Tomcat's own {@code org.apache.tomcat.util.threads.ThreadPoolExecutor} (Tomcat 9.0.x and later fork the JDK's
 * class rather than extend it): the connector's {@code http-nio-8080-exec} pool. Same hooks as the JDK's.
 */
public final class TomcatExecutorsInstrumentation extends LibraryInstrumentation {

    static final String TOMCAT_POOL = "org.apache.tomcat.util.threads.ThreadPoolExecutor";

    public TomcatExecutorsInstrumentation() {
        super("methods", "tomcat-executors", Targets.named(TOMCAT_POOL));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf(TOMCAT_POOL);
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        TOMCAT_POOL,
                        named("runWorker").and(takesArguments(1)),
                        ExecutorAdvice.TomcatWorker.class.getName())
                .advise(
                        TOMCAT_POOL,
                        named("reject").and(takesArguments(Runnable.class)),
                        ExecutorAdvice.Reject.class.getName());
    }
}
