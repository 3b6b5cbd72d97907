package dev.autoprom.agent.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * Every advice method in every instrumentation must declare {@code suppress = Throwable.class}: without it, a
 * failure in the agent's recording code would be thrown into the application. Classes are read as bytes (a
 * TypePool), since the libraries they name are not on this class path.
 */
class AdviceSuppressionTest {

    @Test
    void everyAdviceMethodOfEveryInstrumentationSuppressesThrowable() throws IOException {
        List<String> classes = instrumentationClasses();
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
        List<String> adviceMethods = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        for (String name : classes) {
            collect(pool.describe(name).resolve(), adviceMethods, unsafe);
        }
        assertThat(unsafe)
                .as("advice methods without suppress = Throwable.class")
                .isEmpty();
        // the scan must see the advice of the bundled families, or it proves nothing
        if (!classes.isEmpty()) {
            assertThat(adviceMethods).isNotEmpty();
        }
    }

    @Test
    void theScanFindsAdviceThatDoesNotSuppress() {
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.ofSystemLoader());
        List<String> adviceMethods = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        collect(pool.describe(UnsafeAdvice.class.getName()).resolve(), adviceMethods, unsafe);
        collect(pool.describe(SafeAdvice.class.getName()).resolve(), adviceMethods, unsafe);
        assertThat(adviceMethods).hasSize(4);
        assertThat(unsafe)
                .containsExactlyInAnyOrder(
                        UnsafeAdvice.class.getName() + ".enter", UnsafeAdvice.class.getName() + ".exit");
    }

    static void collect(TypeDescription type, List<String> adviceMethods, List<String> unsafe) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            for (AnnotationDescription annotation : method.getDeclaredAnnotations()) {
                String annotationType = annotation.getAnnotationType().getName();
                boolean enter = annotationType.equals(Advice.OnMethodEnter.class.getName());
                boolean exit = annotationType.equals(Advice.OnMethodExit.class.getName());
                if (!enter && !exit) {
                    continue;
                }
                String where = type.getName() + "." + method.getName();
                adviceMethods.add(where);
                TypeDescription suppress = annotation.getValue("suppress").resolve(TypeDescription.class);
                if (!suppress.getName().equals(Throwable.class.getName())) {
                    unsafe.add(where);
                }
            }
        }
    }

    /** Class names under dev/autoprom/instrumentation in every directory and jar of the test class path. */
    private static List<String> instrumentationClasses() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (Files.isDirectory(path)) {
                Path root = path.resolve("dev/autoprom/instrumentation");
                if (Files.isDirectory(root)) {
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f ->
                                        names.add(className(path.relativize(f).toString())));
                    }
                }
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith("dev/autoprom/instrumentation/") && name.endsWith(".class")) {
                            names.add(className(name));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static String className(String path) {
        return path.replace(File.separatorChar, '/').replace('/', '.').substring(0, path.length() - 6);
    }

    static class UnsafeAdvice {
        @Advice.OnMethodEnter
        static void enter() {}

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit() {}
    }

    static class SafeAdvice {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter() {}

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit() {}
    }
}
