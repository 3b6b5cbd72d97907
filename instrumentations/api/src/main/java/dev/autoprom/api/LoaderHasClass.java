package dev.autoprom.api;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * A class-loader matcher: does this loader see any of the given classes (as resources, without loading them)?
 * The answer is cached per loader, weakly, because the installer asks for every class a loader defines.
 */
public final class LoaderHasClass extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

    private final String[] resources;
    private final Map<ClassLoader, Boolean> cache = new WeakHashMap<>();

    private LoaderHasClass(String... classNames) {
        resources = new String[classNames.length];
        for (int i = 0; i < classNames.length; i++) {
            resources[i] = classNames[i].replace('.', '/') + ".class";
        }
    }

    public static LoaderHasClass anyOf(String... classNames) {
        return new LoaderHasClass(classNames);
    }

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        synchronized (cache) {
            Boolean known = cache.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean found = false;
        for (String resource : resources) {
            if (loader.getResource(resource) != null) {
                found = true;
                break;
            }
        }
        synchronized (cache) {
            cache.put(loader, found);
        }
        return found;
    }
}
