package dev.autoprom.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the agent's "bridge" classes: the few classes that must implement or extend a library type (a Hikari
 * {@code MetricsTrackerFactory}, a servlet {@code AsyncListener}, a JDK {@code HttpServer} {@code Filter}, a
 * wrapped WebSocket listener). The agent's other classes live on the bootstrap class path, where library types
 * are invisible, so a bridge class is defined in a small child loader of the library's own loader: it sees the
 * library (parent) and, through the parent chain, the agent.
 *
 * <p>Bridge classes are those in a package whose last segment is {@code bridge}, e.g.
 * {@code dev.autoprom.instrumentation.jdbc.hikari.bridge.TrackerFactory}. Keep their logic thin: they translate
 * library callbacks into calls on a recorder that takes only {@code java.base} types.
 *
 * <p>One child loader per library class given as the anchor, held in a {@link ClassValue} on that class, so it
 * lives exactly as long as the library's loader and never pins it (redeploys unload cleanly). Agent code does not
 * call this directly: it holds a typed {@link Bridge}.
 */
public final class BridgeClasses {

    private static final ClassValue<ClassLoader> LOADERS = new ClassValue<>() {
        @Override
        protected ClassLoader computeValue(Class<?> anchor) {
            return new BridgeLoader(anchor.getClassLoader());
        }
    };

    private BridgeClasses() {}

    /**
     * Loads {@code bridgeClassName} next to the library that defines {@code anchor}, for example
     * {@code load(HikariConfig.class, "dev.autoprom.instrumentation.jdbc.hikari.bridge.TrackerFactory")}.
     */
    public static Class<?> load(Class<?> anchor, String bridgeClassName) throws ClassNotFoundException {
        return Class.forName(bridgeClassName, true, LOADERS.get(anchor));
    }

    static boolean isBridgeClass(String className) {
        int lastDot = className.lastIndexOf('.');
        return className.startsWith("dev.autoprom.")
                && lastDot > 0
                && className.substring(0, lastDot).endsWith(".bridge");
    }

    /** Child-first for bridge classes, read from the agent jar; parent-first for everything else. */
    private static final class BridgeLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        BridgeLoader(ClassLoader parent) {
            super("autoprom-bridge", parent == null ? ClassLoader.getPlatformClassLoader() : parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!isBridgeClass(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = agentClassBytes(name);
                    loaded = defineClass(name, bytes, 0, bytes.length, BridgeClasses.class.getProtectionDomain());
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static byte[] agentClassBytes(String name) throws ClassNotFoundException {
            // BridgeClasses is on the bootstrap path, so this searches the agent jar there
            try (InputStream in = BridgeClasses.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
