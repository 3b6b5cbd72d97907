package dev.autoprom.api;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Proves a module's {@link Targets} on real library classes: every class of the test class path's jars, of its
 * directories outside {@code dev.autoprom} (application-like fixtures), and every class the targets name (JDK
 * classes included) that the type matcher accepts must also pass the
 * installer's byte-level pre-filter. Used by each family's {@code TargetsTest}; the libraries are there as the
 * family's provided or test dependencies.
 */
public final class TargetsCoverage {

    /** What one module's check found. */
    public static final class Result {
        public final List<String> matched = new ArrayList<>();
        /** Classes the matcher accepts and the pre-filter would have rejected: must be empty. */
        public final List<String> rejectedByPreFilter = new ArrayList<>();
    }

    private TargetsCoverage() {}

    /**
     * Checks all of a family's modules in one pass over the class path (each class is parsed once). A module
     * whose targets are only names is checked on those classes; one with hierarchy or annotation targets on
     * every class.
     */
    public static Map<String, Result> check(List<InstrumentationModule> modules) {
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
        Map<String, Result> results = new LinkedHashMap<>();
        List<InstrumentationModule> scanning = new ArrayList<>();
        for (InstrumentationModule module : modules) {
            results.put(module.name(), new Result());
            CandidateTypes candidates = module.targets().candidates();
            if (candidates.methodNames().isEmpty()
                    && candidates.constantPoolStrings().isEmpty()) {
                for (String internalName : candidates.internalNames()) {
                    byte[] bytes = classFile(internalName);
                    if (bytes != null) {
                        judge(module, internalName, bytes, pool, results.get(module.name()));
                    }
                }
            } else {
                scanning.add(module);
            }
        }
        if (!scanning.isEmpty()) {
            forEachClassOnTheClassPath((internalName, bytes) -> {
                for (InstrumentationModule module : scanning) {
                    if (mayMatch(bytes, module.targets())) {
                        judge(module, internalName, bytes, pool, results.get(module.name()));
                    }
                }
            });
        }
        return results;
    }

    private static void judge(
            InstrumentationModule module, String internalName, byte[] bytes, TypePool pool, Result result) {
        Targets targets = module.targets();
        if (!matches(targets.typeMatcher(), pool, internalName)) {
            return;
        }
        result.matched.add(internalName);
        if (!CandidateFilter.of(List.of(targets.candidates())).isCandidate(internalName, bytes)) {
            result.rejectedByPreFilter.add(internalName);
        }
    }

    /** Every class file of the class path's jars, and of its directories outside the agent's own packages. */
    private static void forEachClassOnTheClassPath(BiConsumer<String, byte[]> action) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                forEachClassIn(entry, action);
            } else if (new File(entry).isDirectory()) {
                forEachClassUnder(new File(entry), action);
            }
        }
    }

    /**
     * ASM's reading of the class file, independent of the pre-filter and its byte scanner: does the class declare
     * a method the matcher requires (by name, or by annotation)? A class without one cannot match and is not
     * parsed further, which keeps a family's scan of tens of thousands of classes to seconds.
     */
    private static boolean mayMatch(byte[] bytes, Targets targets) {
        Set<String> names = targets.declaredMethodNames();
        Set<String> annotations = new java.util.HashSet<>();
        for (String annotation : targets.declaredMethodAnnotations()) {
            annotations.add('L' + annotation.replace('.', '/') + ';');
        }
        boolean[] found = {false};
        try {
            new ClassReader(bytes)
                    .accept(
                            new ClassVisitor(OpenedClassReader.ASM_API) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access,
                                        String name,
                                        String descriptor,
                                        String signature,
                                        String[] exceptions) {
                                    if (names.contains(name)) {
                                        found[0] = true;
                                    }
                                    return new MethodVisitor(OpenedClassReader.ASM_API) {
                                        @Override
                                        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                                            if (annotations.contains(annotation)) {
                                                found[0] = true;
                                            }
                                            return null;
                                        }
                                    };
                                }
                            },
                            ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return true; // let the matcher decide
        }
        return found[0];
    }

    private static boolean matches(ElementMatcher<? super TypeDescription> matcher, TypePool pool, String name) {
        try {
            TypePool.Resolution resolution = pool.describe(name.replace('/', '.'));
            return resolution.isResolved() && matcher.matches(resolution.resolve());
        } catch (RuntimeException | LinkageError unresolvable) {
            return false; // what the installer's fail-safe matcher answers too
        }
    }

    private static void forEachClassIn(String jar, BiConsumer<String, byte[]> action) {
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class")
                        && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class")
                        && !name.endsWith("package-info.class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        action.accept(name.substring(0, name.length() - ".class".length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar, e);
        }
    }

    /** A directory's classes outside the agent's own packages: a family's test fixtures (application classes). */
    private static void forEachClassUnder(File root, BiConsumer<String, byte[]> action) {
        try (Stream<Path> files = Files.walk(root.toPath())) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = root.toPath().relativize(path).toString().replace(File.separatorChar, '/');
                if (name.endsWith(".class") && !name.startsWith("dev/autoprom/")) {
                    action.accept(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root.toString(), e);
        }
    }

    private static byte[] classFile(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
