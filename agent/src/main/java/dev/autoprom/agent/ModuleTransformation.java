package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.CandidateTypes;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * One enabled instrumentation, ready to apply: which loaders and types it wants, and which advice class goes on
 * which methods. The module fills it through {@link AdviceTarget}; under fault injection every advised method
 * also gets {@link FaultInjectionAdvice}. Each advise call is a {@link Hook}, grouped into the module's
 * {@link Need}s; a module that names its classes has them checked by {@link HookAudit} once per class loader.
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

    private final List<Hook> hooks = new ArrayList<>();
    private final List<Need> needs = new ArrayList<>();
    private final Map<String, Need> needsByName = new LinkedHashMap<>();
    /** The module's classes (binary names) when its candidates name them all, else null: a hierarchy. */
    private final Collection<String> moduleClasses;
    /** Loaders whose copy of the library was seen (weak keys; the bootstrap loader is the null key). */
    private final Map<ClassLoader, Boolean> audited = new WeakHashMap<>();
    /** Seen loaders whose library awaits its hook check, held weakly; the bootstrap loader is {@link #bootPending}. */
    private final List<WeakReference<ClassLoader>> pending = new ArrayList<>();

    private boolean bootPending;

    ModuleTransformation(
            InstallReport.Entry entry,
            ElementMatcher<ClassLoader> loaders,
            ElementMatcher<? super TypeDescription> types,
            CandidateTypes candidates,
            boolean faultInjection) {
        this.entry = entry;
        this.loaders = loaders;
        this.types = types;
        this.faultInjection = faultInjection;
        this.moduleClasses = namedClasses(candidates);
    }

    private static Collection<String> namedClasses(CandidateTypes candidates) {
        if (candidates.isAny()
                || !candidates.methodNames().isEmpty()
                || !candidates.constantPoolStrings().isEmpty()
                || candidates.internalNames().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(candidates.internalNames().size());
        for (String internalName : candidates.internalNames()) {
            names.add(internalName.replace('/', '.'));
        }
        return Collections.unmodifiableList(names);
    }

    @Override
    public AdviceTarget advise(ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
        return hook(null, null, methodMatcher, adviceClassName);
    }

    @Override
    public AdviceTarget advise(
            String className, ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName) {
        return hook(null, className, methodMatcher, adviceClassName);
    }

    @Override
    public AdviceTarget adviseOneOf(
            String need,
            String className,
            ElementMatcher<? super MethodDescription> methodMatcher,
            String adviceClassName) {
        return hook(need, className, methodMatcher, adviceClassName);
    }

    private AdviceTarget hook(
            String needName,
            String className,
            ElementMatcher<? super MethodDescription> matcher,
            String adviceClassName) {
        ElementMatcher<? super MethodDescription> methodMatcher = className == null
                ? matcher
                : ElementMatchers.<MethodDescription>isDeclaredBy(named(className))
                        .and(matcher);
        Hook hook = new Hook(className, methodMatcher, adviceClassName);
        hooks.add(hook);
        Need need = needName == null ? null : needsByName.get(needName);
        if (need == null) {
            need = new Need(needName != null ? needName : hook.adviceName());
            needs.add(need);
            if (needName != null) {
                needsByName.put(needName, need);
            }
        }
        need.hooks.add(hook);
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

    List<Need> needs() {
        return Collections.unmodifiableList(needs);
    }

    /** Whether the module names its classes, so that every hook is needed and checked. */
    boolean checksHooks() {
        return moduleClasses != null;
    }

    /**
     * A type this module matched: counts the hooks that apply to it, queues the library's hook check the first
     * time one of the module's types is seen in {@code loader}, and returns the indexes of the hooks that apply
     * (none: there is nothing to rewrite).
     */
    int[] inspect(ClassLoader loader, TypeDescription type) {
        int[] matched = new int[hooks.size()];
        int count = 0;
        for (int i = 0; i < hooks.size(); i++) {
            Hook hook = hooks.get(i);
            if (hook.firstMatch(type) != null) {
                hook.matchedClasses.incrementAndGet();
                matched[count++] = i;
            }
        }
        if (moduleClasses != null) {
            firstSight(loader);
        }
        return Arrays.copyOf(matched, count);
    }

    /** Whether {@code hookIndexes} (from the class cache) all name hooks of this module. */
    boolean hasHooks(int[] hookIndexes) {
        for (int index : hookIndexes) {
            if (index < 0 || index >= hooks.size()) {
                return false;
            }
        }
        return hookIndexes.length > 0;
    }

    /** A rewrite by this module taken from the class cache: counted as {@link #inspect} counted it then. */
    void replay(ClassLoader loader, int[] hookIndexes) {
        for (int index : hookIndexes) {
            hooks.get(index).matchedClasses.incrementAndGet();
        }
        if (moduleClasses != null) {
            firstSight(loader);
        }
    }

    private void firstSight(ClassLoader loader) {
        synchronized (audited) {
            if (audited.put(loader, Boolean.TRUE) == null) {
                if (loader == null) {
                    bootPending = true;
                } else {
                    pending.add(new WeakReference<>(loader));
                }
            }
        }
    }

    /**
     * Checks the hooks against each library seen since the last call. Called from the exporter's thread (a
     * scrape, {@code /autoprom}), never from the thread loading a class: the check reads class files and a jar
     * manifest, a few milliseconds the application's start-up should not pay.
     */
    void checkPendingHooks() {
        synchronized (pending) {
            List<ClassLoader> loaders = new ArrayList<>();
            synchronized (audited) {
                for (WeakReference<ClassLoader> reference : pending) {
                    ClassLoader loader = reference.get();
                    if (loader != null) {
                        loaders.add(loader);
                    }
                }
                pending.clear();
                if (bootPending) {
                    loaders.add(null);
                    bootPending = false;
                }
            }
            for (ClassLoader loader : loaders) {
                audit(
                        loader,
                        loader == null
                                ? ClassFileLocator.ForClassLoader.ofBootLoader()
                                : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader));
            }
        }
    }

    private void audit(ClassLoader loader, ClassFileLocator classes) {
        long start = System.nanoTime();
        TypePool pool = new TypePool.Default.WithLazyResolution(
                TypePool.CacheProvider.Simple.withObjectType(), classes, TypePool.Default.ReaderMode.FAST);
        String library = null;
        for (String className : moduleClasses) {
            if (pool.describe(className).isResolved()) {
                library = LibraryVersion.of(loader, className);
                break;
            }
        }
        entry.library(library);
        for (HookAudit.Result result : HookAudit.check(needs, moduleClasses, pool)) {
            if (result.need.checked(result.matched, result.detail, library)) {
                AgentLog.warnOnce(
                        "hook:" + entry.name + ':' + result.need.name,
                        "instrumentation " + entry.name
                                + ": hook " + result.need.name + " matches nothing in " + library + " (" + result.detail
                                + "); what it records stays empty (see /autoprom, autoprom_instrumentation_hooks_missed)");
            }
        }
        if (AgentLog.isDebugEnabled()) {
            AgentLog.debug("instrumentation " + entry.name + ": " + needs.size() + " hooks checked against " + library
                    + " in " + (System.nanoTime() - start) / 1000 + " us, " + entry.missedNeeds() + " missed");
        }
    }

    /** Loader first: it is answered from a per-loader cache, the type matcher may walk a hierarchy. */
    boolean matches(ClassLoader loader, TypeDescription type) {
        return loaderMatches(loader) && types.matches(type);
    }

    boolean loaderMatches(ClassLoader loader) {
        return loaders.matches(loader);
    }

    boolean typeMatches(TypeDescription type) {
        return types.matches(type);
    }

    /**
     * The module's advice as one visitor over the class's declared methods. The advice classes are read from
     * the agent jar, and the library types their signatures name from the class's loader ({@code
     * loaderClasses}); resolved once per loader and kept (weakly), since every class a module transforms in
     * one loader gets the same advice, and parsing it is a large part of each transformation.
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
