package dev.autoprom.api;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

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
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.ofSystemLoader();
        TypePool pool = TypePool.Default.of(locator);
        List<String> everyClass = null;
        Map<String, Result> results = new LinkedHashMap<>();
        for (InstrumentationModule module : modules) {
            Targets targets = module.targets();
            CandidateFilter filter = CandidateFilter.of(List.of(targets.candidates()));
            CandidateTypes candidates = targets.candidates();
            List<String> names;
            if (candidates.methodNames().isEmpty()
                    && candidates.constantPoolStrings().isEmpty()) {
                names = new ArrayList<>(candidates.internalNames());
            } else {
                if (everyClass == null) {
                    everyClass = classPath();
                }
                names = everyClass;
            }
            Result result = new Result();
            for (String internalName : names) {
                byte[] bytes = classFile(internalName);
                if (bytes == null || !matches(targets.typeMatcher(), pool, internalName)) {
                    continue;
                }
                result.matched.add(internalName);
                if (!filter.isCandidate(internalName, bytes)) {
                    result.rejectedByPreFilter.add(internalName);
                }
            }
            results.put(module.name(), result);
        }
        return results;
    }

    private static List<String> classPath() {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                names.addAll(classesIn(entry));
            } else if (new File(entry).isDirectory()) {
                names.addAll(classesUnder(new File(entry)));
            }
        }
        return names;
    }

    private static boolean matches(ElementMatcher<? super TypeDescription> matcher, TypePool pool, String name) {
        try {
            TypePool.Resolution resolution = pool.describe(name.replace('/', '.'));
            return resolution.isResolved() && matcher.matches(resolution.resolve());
        } catch (RuntimeException | LinkageError unresolvable) {
            return false; // what the installer's fail-safe matcher answers too
        }
    }

    private static List<String> classesIn(String jar) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class")
                        && !name.startsWith("META-INF/")
                        && !name.endsWith("module-info.class")
                        && !name.endsWith("package-info.class")) {
                    names.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar, e);
        }
        return names;
    }

    /** A directory's classes outside the agent's own packages: a family's test fixtures (application classes). */
    private static List<String> classesUnder(File root) {
        List<String> names = new ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root.toPath())) {
            files.map(path -> root.toPath().relativize(path).toString().replace(File.separatorChar, '/'))
                    .filter(name -> name.endsWith(".class") && !name.startsWith("dev/autoprom/"))
                    .forEach(name -> names.add(name.substring(0, name.length() - ".class".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(root.toString(), e);
        }
        return names;
    }

    private static byte[] classFile(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
