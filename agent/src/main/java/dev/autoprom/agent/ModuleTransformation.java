package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;

import dev.autoprom.api.AdviceTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * One enabled instrumentation, ready to apply: which loaders and types it wants, and which advice class goes on
 * which methods. The module fills it through {@link AdviceTarget}; under fault injection every advised method
 * also gets {@link FaultInjectionAdvice}.
 */
final class ModuleTransformation implements AdviceTarget {

    final InstallReport.Entry entry;
    private final ElementMatcher<ClassLoader> loaders;
    private final ElementMatcher<? super TypeDescription> types;
    private final boolean faultInjection;
    private final List<ElementMatcher<? super MethodDescription>> methods = new ArrayList<>();
    private final List<String> adviceClasses = new ArrayList<>();
    /**
     * The resolved advice per class loader, as one visitor (the bootstrap loader is the null key). Weak keys;
     * the values reach their loader only through ByteBuddy's weakly referencing class-file locator, so a
     * redeployed application's loader is still collected.
     */
    private final Map<ClassLoader, AsmVisitorWrapper> resolved = new WeakHashMap<>();

    ModuleTransformation(
            InstallReport.Entry entry,
            ElementMatcher<ClassLoader> loaders,
            ElementMatcher<? super TypeDescription> types,
            boolean faultInjection) {
        this.entry = entry;
        this.loaders = loaders;
        this.types = types;
        this.faultInjection = faultInjection;
    }

    @Override
    public AdviceTarget advise(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
        add(methodMatcher, adviceClassName);
        if (faultInjection) {
            // constructors need their own throwing advice: onThrowable is not allowed on them, and one refused
            // advice would leave the whole class uninstrumented (HikariPool, Jetty's session)
            add(isMethod().and(methodMatcher), FaultInjectionAdvice.class.getName());
            add(isConstructor().and(methodMatcher), FaultInjectionAdvice.OnConstructor.class.getName());
        }
        return this;
    }

    private void add(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
        methods.add(methodMatcher);
        adviceClasses.add(adviceClassName);
    }

    /** Loader first: it is answered from a per-loader cache, the type matcher may walk a hierarchy. */
    boolean matches(ClassLoader loader, TypeDescription type) {
        return loaders.matches(loader) && types.matches(type);
    }

    /**
     * The module's advice as one visitor over the class's declared methods. The advice classes are read from
     * the agent jar, and the library types their signatures name from the class's loader ({@code
     * loaderClasses}); resolved once per loader and kept (weakly), since every class a module transforms in
     * one loader gets the same advice: parsing it again was a quarter of each transformation.
     */
    AsmVisitorWrapper advice(
            ClassLoader loader,
            ClassFileLocator loaderClasses,
            ClassFileLocator agentClasses,
            Advice.ExceptionHandler exceptionHandler) {
        AsmVisitorWrapper visitor;
        synchronized (resolved) {
            visitor = resolved.get(loader);
        }
        if (visitor == null) {
            ClassFileLocator locator = new ClassFileLocator.Compound(agentClasses, loaderClasses);
            TypePool pool = new TypePool.Default.WithLazyResolution(
                    TypePool.CacheProvider.Simple.withObjectType(), locator, TypePool.Default.ReaderMode.FAST);
            AsmVisitorWrapper.ForDeclaredMethods methodsVisitor = new AsmVisitorWrapper.ForDeclaredMethods();
            for (int i = 0; i < adviceClasses.size(); i++) {
                methodsVisitor = methodsVisitor.invokable(
                        methods.get(i),
                        Advice.to(pool.describe(adviceClasses.get(i)).resolve(), locator)
                                .withExceptionHandler(exceptionHandler));
            }
            visitor = methodsVisitor;
            synchronized (resolved) {
                resolved.put(loader, visitor);
            }
        }
        return visitor;
    }
}
