package dev.autoprom.instrumentation.genai;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Class-loader matcher: does this loader see the library (one of its class files)? Answers are cached per loader
 * (weakly), so the resource lookup runs once per loader, not once per class loaded.
 */
public final class LibraryPresent implements ElementMatcher<ClassLoader> {

    private final String resource;
    private final Map<ClassLoader, Boolean> answers = new WeakHashMap<>();

    private LibraryPresent(String className) {
        this.resource = className.replace('.', '/') + ".class";
    }

    public static LibraryPresent hasClass(String className) {
        return new LibraryPresent(className);
    }

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        synchronized (answers) {
            Boolean known = answers.get(loader);
            if (known == null) {
                known = loader.getResource(resource) != null;
                answers.put(loader, known);
            }
            return known;
        }
    }
}
