package dev.autoprom.agent;

import dev.autoprom.agent.RewrittenClassCache.Decision;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.CandidateFilter;
import dev.autoprom.api.SelfMetrics;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.pool.TypePool;

/**
 * The agent's class-file transformer. Every class the JVM loads passes through {@link #transform}; in order of
 * cost: the name ({@link IgnoredTypes}), the raw bytes ({@link CandidateFilter}: most classes stop here, with
 * nothing parsed), then a lazily parsed type description against each module's matchers, and for a match the
 * module's advice is inlined with ByteBuddy. Only advice is added: no fields, methods or class-format changes,
 * so the same transformer serves retransformation when the agent is attached to a running JVM.
 *
 * <p>Built on ByteBuddy's type pool, {@code decorate} and {@link Advice} directly rather than its
 * {@code AgentBuilder}: the builder's transformer generates a class of its own the first time it is used (a large part
 * of premain), and its pipeline matches and rewrites more than advice needs.
 */
final class ClassTransformer implements ClassFileTransformer {

    /** A class loaded while this thread transforms another is left alone (no recursion into the agent). */
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();

    private static final int[][] NO_HOOKS = new int[0][];

    private final List<ModuleTransformation> modules;
    private final CandidateFilter candidates;
    private final ClassFileLocator agentClasses;
    private final Instrumentation inst;
    /** Rewrites kept from earlier runs; null when {@code autoprom.class.cache.dir} is not set. */
    private final RewrittenClassCache cache;

    ClassTransformer(
            List<ModuleTransformation> modules,
            CandidateFilter candidates,
            ClassFileLocator agentClasses,
            Instrumentation inst,
            RewrittenClassCache cache) {
        this.modules = modules;
        this.cache = cache;
        this.candidates = candidates;
        this.agentClasses = agentClasses;
        this.inst = inst;
        // Loaded here, before the transformer is registered: if the first transform() loaded IgnoredTypes, its
        // own loading would call transform() again, which fails to resolve the half-loaded class; the JVM then
        // records that failure against this class for good, and no class would ever be instrumented.
        IgnoredTypes.ignores("java/lang/Object");
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String internalName,
            Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain,
            byte[] classFile) {
        // hidden classes (lambdas) have no name
        if (internalName == null
                || IgnoredTypes.ignores(internalName)
                || !candidates.isCandidate(internalName, classFile)
                || BUSY.get() != null) {
            return null;
        }
        BUSY.set(Boolean.TRUE);
        String name = internalName.replace('/', '.');
        try {
            if (cache != null) {
                RewrittenClassCache.Decision cached = cache.find(internalName, classFile);
                if (cached != null) {
                    if (stillHolds(cached, loader)) {
                        return replay(cached, module, loader, name);
                    }
                    cache.stale.incrementAndGet();
                }
            }
            return rewrite(module, loader, internalName, name, classFile);
        } catch (Throwable failure) {
            AgentLog.warnOnce("transform:" + name, "could not instrument " + name + "; it runs unchanged: " + failure);
            SelfMetrics.recordError("installer", failure);
            return null;
        } finally {
            BUSY.remove();
        }
    }

    /**
     * Whether a cached decision still holds here: it names modules and hooks that exist in this run (the
     * fingerprint says so), the loaders refused then refuse now, and the class's super types read as they did.
     */
    private boolean stillHolds(RewrittenClassCache.Decision cached, ClassLoader loader) {
        for (int i = 0; i < cached.modules.length; i++) {
            int index = cached.modules[i];
            if (!exists(index) || !modules.get(index).hasHooks(cached.hooks[i])) {
                return false;
            }
        }
        if (cached.rewritten() == (cached.modules.length == 0)) {
            return false;
        }
        for (int index : cached.sighted) {
            if (!exists(index)) {
                return false;
            }
        }
        for (int index : cached.loaderRefused) {
            if (!exists(index) || modules.get(index).loaderMatches(loader)) {
                return false;
            }
        }
        return RewrittenClassCache.superTypesUnchanged(cached, loader);
    }

    private boolean exists(int moduleIndex) {
        return moduleIndex >= 0 && moduleIndex < modules.size();
    }

    /**
     * A decision from the cache: the same checks and the same report as {@link #rewrite}, no ByteBuddy; null
     * (the class as it is) when no module rewrote it.
     */
    private byte[] replay(RewrittenClassCache.Decision cached, Module module, ClassLoader loader, String name) {
        for (int index : cached.sighted) {
            modules.get(index).replay(loader, RewrittenClassCache.Decision.NONE);
        }
        if (!cached.rewritten()) {
            cache.unchanged.incrementAndGet();
            return null;
        }
        if (!AgentVisibility.seesAgent(loader)) {
            return null;
        }
        cache.hits.incrementAndGet();
        readAgent(module);
        for (int i = 0; i < cached.modules.length; i++) {
            ModuleTransformation transformation = modules.get(cached.modules[i]);
            transformation.replay(loader, cached.hooks[i]);
            transformation.entry.transformed(name);
        }
        if (AgentLog.isDebugEnabled()) {
            AgentLog.debug("rewritten " + name + " taken from the class cache");
        }
        return cached.bytes;
    }

    private byte[] rewrite(Module module, ClassLoader loader, String internalName, String name, byte[] classFile) {
        ClassFileLocator loaderClasses = loader == null
                ? ClassFileLocator.ForClassLoader.ofBootLoader()
                : ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader);
        ClassFileLocator locator =
                new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile), loaderClasses);
        TypePool pool = new TypePool.Default.WithLazyResolution(
                TypePool.CacheProvider.Simple.withObjectType(), locator, TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(name).resolve();
        if (type.isSynthetic()) {
            return null;
        }
        if (AgentLog.isDebugEnabled()) {
            AgentLog.debug("candidate " + name + " (passed the pre-filter, parsed for the matchers)");
        }
        DynamicType.Builder<?> builder = null;
        List<ModuleTransformation> applied = null;
        List<int[]> appliedHooks = null;
        int[] appliedIndexes = new int[modules.size()];
        // what the decision depended on besides the class's bytes, for the class cache
        int[] loaderRefused = new int[modules.size()];
        int refusedCount = 0;
        int[] sighted = new int[modules.size()];
        int sightedCount = 0;
        for (int index = 0; index < modules.size(); index++) {
            ModuleTransformation transformation = modules.get(index);
            if (!transformation.loaderMatches(loader)) {
                loaderRefused[refusedCount++] = index;
                continue;
            }
            if (!transformation.typeMatches(type)) {
                continue;
            }
            // a type the module names but in which none of its hooks matches (another version of the library)
            // is left as it is; the module's hook check reports what is missing
            int[] hooks = transformation.inspect(loader, type);
            if (hooks.length == 0) {
                sighted[sightedCount++] = index;
                AgentLog.debug("instrumentation " + transformation.entry.name + " matched " + name
                        + " but none of its hooks applies to it");
                continue;
            }
            if (builder == null) {
                if (!AgentVisibility.seesAgent(loader)) {
                    return null;
                }
                builder = Weaving.BYTE_BUDDY.decorate(type, locator);
                readAgent(module);
                applied = new ArrayList<>(1);
                appliedHooks = new ArrayList<>(1);
            }
            appliedIndexes[applied.size()] = index;
            applied.add(transformation);
            appliedHooks.add(hooks);
            if (AgentLog.isDebugEnabled()) {
                AgentLog.debug("instrumentation " + transformation.entry.name + " transforms " + name);
            }
            builder =
                    builder.visit(transformation.advice(loader, loaderClasses, agentClasses, Weaving.ADVICE_FAILURES));
        }
        int[] refused = Arrays.copyOf(loaderRefused, refusedCount);
        int[] seen = Arrays.copyOf(sighted, sightedCount);
        if (builder == null) {
            if (cache != null) {
                store(internalName, classFile, loader, type, Decision.NONE, NO_HOOKS, null, refused, seen);
            }
            return null;
        }
        try {
            byte[] rewritten =
                    builder.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
            for (ModuleTransformation transformation : applied) {
                transformation.entry.transformed(name);
            }
            if (cache != null) {
                int[] appliedModules = Arrays.copyOf(appliedIndexes, applied.size());
                int[][] hooks = appliedHooks.toArray(NO_HOOKS);
                store(internalName, classFile, loader, type, appliedModules, hooks, rewritten, refused, seen);
            }
            return rewritten;
        } catch (RuntimeException | LinkageError failure) {
            for (ModuleTransformation transformation : applied) {
                transformation.entry.failed(name, failure);
            }
            throw failure;
        }
    }

    /** Keeps the decision for the next start, with the super types it depended on (none for a JDK class). */
    private void store(
            String internalName,
            byte[] classFile,
            ClassLoader loader,
            TypeDescription type,
            int[] appliedModules,
            int[][] hooks,
            byte[] rewritten,
            int[] refused,
            int[] seen) {
        List<String> superTypes = loader == null ? Collections.emptyList() : superTypeNames(type);
        long[] checks = new long[superTypes.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = RewrittenClassCache.classFileCheck(loader, superTypes.get(i));
        }
        cache.store(
                internalName,
                classFile,
                new RewrittenClassCache.Decision(
                        appliedModules, hooks, rewritten, refused, seen, superTypes.toArray(new String[0]), checks));
    }

    /**
     * Every super class and interface of {@code type}, transitively, by name, outside {@code java.*} (those
     * come with the JDK, which the cache's fingerprint covers). A type that cannot be resolved is listed (its
     * check says it is absent) and its own super types are not.
     */
    private static List<String> superTypeNames(TypeDescription type) {
        List<String> names = new ArrayList<>();
        java.util.ArrayDeque<TypeDescription> queue = new java.util.ArrayDeque<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        queue.add(type);
        seen.add(type.getName());
        while (!queue.isEmpty()) {
            TypeDescription current = queue.poll();
            List<TypeDescription> parents = new ArrayList<>();
            try {
                TypeDescription.Generic superClass = current.getSuperClass();
                if (superClass != null) {
                    parents.add(superClass.asErasure());
                }
                for (TypeDescription.Generic implemented : current.getInterfaces()) {
                    parents.add(implemented.asErasure());
                }
            } catch (RuntimeException | LinkageError unresolvable) {
                continue; // recorded already; its check tells absent from present
            }
            for (TypeDescription parent : parents) {
                String parentName = parent.getName();
                if (seen.add(parentName) && !parentName.startsWith("java.")) {
                    names.add(parentName);
                    queue.add(parent);
                }
            }
        }
        return names;
    }

    /**
     * A class in a named module (the JDK's {@code jdk.httpserver}, {@code java.net.http}) must read the agent's
     * unnamed module before it is defined, since its inlined advice calls the agent's classes.
     */
    private void readAgent(Module module) {
        Module agent = ClassTransformer.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(agent)) {
            inst.redefineModule(
                    module,
                    Collections.singleton(agent),
                    Collections.emptyMap(),
                    Collections.emptyMap(),
                    Collections.emptySet(),
                    Collections.emptyMap());
        }
    }

    /**
     * Attached to a running JVM: the libraries are loaded already, so each loaded class a module matches is
     * retransformed (through {@link #transform}). One class that cannot be retransformed is logged and skipped.
     */
    void retransformLoadedClasses() {
        int count = 0;
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (wanted(loaded) && retransform(loaded)) {
                count++;
            }
        }
        AgentLog.debug(count + " loaded classes retransformed");
    }

    /**
     * At premain: the classes the modules name that the JVM loaded before the agent (the JDK's executors can be,
     * when something in the launcher or another agent used one), retransformed so that they are instrumented
     * too. One pass over the loaded classes comparing names, a millisecond; nothing else is parsed.
     */
    void retransformNamedAlreadyLoaded(Set<String> binaryNames) {
        if (binaryNames.isEmpty()) {
            return;
        }
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (binaryNames.contains(loaded.getName()) && wanted(loaded) && retransform(loaded)) {
                AgentLog.debug("retransformed " + loaded.getName() + ", loaded before the agent");
            }
        }
    }

    /** Retransforms one loaded class; a class that cannot be is logged once, counted, and runs unchanged. */
    private boolean retransform(Class<?> loaded) {
        try {
            inst.retransformClasses(loaded);
            return true;
        } catch (Throwable failure) {
            AgentLog.warnOnce(
                    "transform:" + loaded.getName(),
                    "could not instrument loaded class " + loaded.getName() + "; it runs unchanged: " + failure);
            SelfMetrics.recordError("installer", failure);
            return false;
        }
    }

    private boolean wanted(Class<?> loaded) {
        try {
            String name = loaded.getName();
            if (loaded.isArray()
                    || loaded.isPrimitive()
                    || name.indexOf('/') >= 0 // hidden classes
                    || !inst.isModifiableClass(loaded)
                    || IgnoredTypes.ignores(name.replace('.', '/'))) {
                return false;
            }
            TypeDescription type = TypeDescription.ForLoadedType.of(loaded);
            for (ModuleTransformation transformation : modules) {
                if (transformation.matches(loaded.getClassLoader(), type)) {
                    return true;
                }
            }
        } catch (Throwable unresolvable) {
            // a class whose hierarchy cannot be loaded is not one the families instrument
        }
        return false;
    }

    /**
     * What rewriting needs beyond the type pool, made at the first rewrite rather than at premain: a start whose
     * rewrites all come from the class cache never builds them (their ByteBuddy set-up is some 10 ms of
     * interpreted code).
     */
    private static final class Weaving {
        static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                // advice needs no method graph of inherited methods, nor a type initializer of its own
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .with(Implementation.Context.Disabled.Factory.INSTANCE);

        /** What inlined advice does with a Throwable it caught: call {@link AdviceFailures#suppressed}. */
        static final Advice.ExceptionHandler ADVICE_FAILURES = countFailures();

        private static Advice.ExceptionHandler countFailures() {
            try {
                return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(new MethodDescription.ForLoadedMethod(
                        AdviceFailures.class.getMethod("suppressed", Throwable.class))));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
