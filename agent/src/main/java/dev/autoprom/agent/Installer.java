package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.InstrumentationModule;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;

/**
 * One ByteBuddy {@link AgentBuilder} for every enabled instrumentation. Advice is inlined (no class-format
 * changes), so the same agent works when attached to a running JVM, with retransformation.
 */
final class Installer {

    private static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private Installer() {
    }

    static InstallReport install(Instrumentation inst, AgentConfig config, List<InstrumentationModule> modules,
            File agentJar, boolean attachedLate) throws IOException {
        // The agent never uses ByteBuddy's Nexus (no self-initialising types); without this switch ByteBuddy
        // still injects it into the system class loader at start-up, which costs ~100 class loads. The shaded
        // build relocates this name with ByteBuddy's, so it only ever affects the agent's own copy.
        if (System.getProperty(NEXUS_DISABLED) == null) {
            System.setProperty(NEXUS_DISABLED, "true");
        }
        InstallReport report = new InstallReport();
        ClassFileLocator agentClasses = ClassFileLocator.ForJarFile.of(agentJar);
        Advice.ExceptionHandler countFailures = new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(
                new MethodDescription.ForLoadedMethod(adviceFailureHandler())));

        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                // at premain the libraries are not loaded yet, so scanning every loaded class against every
                // matcher would only cost start-up time; attached to a running JVM, that scan is the point
                .with(attachedLate ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.LocationStrategy.ForClassLoader.WEAK)
                .with(new TransformationLog())
                .ignore(IgnoredTypes.matcher());

        int enabledCount = 0;
        for (InstrumentationModule module : modules) {
            boolean enabled = config.instrumentationEnabled(module.family(), module.name(),
                    module.enabledByDefault());
            InstallReport.Entry entry = report.add(module.family(), module.name(), enabled);
            if (!enabled) {
                AgentLog.debug("instrumentation " + module.name() + " disabled by configuration");
                continue;
            }
            enabledCount++;
            AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice()
                    .include(agentClasses)
                    .withExceptionHandler(countFailures);
            AdviceCollector collector = new AdviceCollector(advice, config.faultInjection());
            module.adviseMethods(collector);
            // failSafe: a hierarchy naming a type this loader cannot resolve (spring-web's filters without the
            // servlet API) means the library is absent there: no match, not an error
            builder = builder.type(failSafe(module.typeMatcher()), module.classLoaderMatcher())
                    .transform(new Recording(entry, collector.advice, inst));
        }
        if (enabledCount > 0) {
            builder.installOn(inst);
        }
        AgentLog.debug(enabledCount + " of " + modules.size() + " instrumentations installed"
                + (attachedLate ? " (attached to a running JVM: loaded classes retransformed)" : ""));
        return report;
    }

    /** The static method the inlined advice calls when it catches a Throwable. */
    private static java.lang.reflect.Method adviceFailureHandler() {
        try {
            return AdviceFailures.class.getMethod("suppressed", Throwable.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the module's (methods, advice class) pairs into one ForAdvice transformer. */
    private static final class AdviceCollector implements AdviceTarget {
        AgentBuilder.Transformer.ForAdvice advice;
        private final boolean faultInjection;

        AdviceCollector(AgentBuilder.Transformer.ForAdvice advice, boolean faultInjection) {
            this.advice = advice;
            this.faultInjection = faultInjection;
        }

        @Override
        public AdviceTarget advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
            advice = advice.advice(methods, adviceClassName);
            if (faultInjection) {
                // constructors need their own throwing advice: onThrowable is not allowed on them, and one
                // refused advice would leave the whole class uninstrumented (HikariPool, Jetty's session)
                advice = advice.advice(isMethod().and(methods), FaultInjectionAdvice.class.getName())
                        .advice(isConstructor().and(methods), FaultInjectionAdvice.OnConstructor.class.getName());
            }
            return this;
        }
    }

    /**
     * Applies a module's advice and records which classes it matched. A class in a named module (the JDK's
     * {@code jdk.httpserver}, {@code java.net.http}) is first made to read the agent's unnamed module, since its
     * inlined advice calls the agent's classes.
     */
    private static final class Recording implements AgentBuilder.Transformer {
        private static final JavaModule AGENT_MODULE = JavaModule.ofType(Installer.class);

        private final InstallReport.Entry entry;
        private final AgentBuilder.Transformer delegate;
        private final Instrumentation inst;

        Recording(InstallReport.Entry entry, AgentBuilder.Transformer delegate, Instrumentation inst) {
            this.entry = entry;
            this.delegate = delegate;
            this.inst = inst;
        }

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                ClassLoader classLoader, JavaModule module, ProtectionDomain protectionDomain) {
            if (module != null && module.isNamed() && !module.canRead(AGENT_MODULE)) {
                inst.redefineModule((Module) module.unwrap(), Collections.singleton(Installer.class.getModule()),
                        Collections.emptyMap(), Collections.emptyMap(), Collections.emptySet(),
                        Collections.emptyMap());
            }
            entry.transformed(type.getName());
            AgentLog.debug("instrumentation " + entry.name + " transforms " + type.getName());
            return delegate.transform(builder, type, classLoader, module, protectionDomain);
        }
    }

    /** Logs each transformation failure once (by type), every one at debug. */
    private static final class TransformationLog extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            AgentLog.warnOnce("transform:" + typeName, "could not instrument " + typeName
                    + "; it runs unchanged: " + throwable);
            dev.autoprom.api.SelfMetrics.recordError("installer", throwable);
        }
    }
}
