package dev.autoprom.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * Keeps the type descriptions ByteBuddy parses while matching, per class loader and bounded, so that each
 * class loaded by the application does not re-read its whole hierarchy. The cache earns its keep while the
 * application starts and loads thousands of classes; a parsed description is large (~16 KB with its method
 * tokens), so once class loading has been quiet for {@value #IDLE_SECONDS} s the cache is dropped and the heap
 * goes back to what it was without it. Hierarchy matchers (a JDBC
 * {@code Statement} of any driver, a servlet) walk every loaded class's super types; without a cache shared
 * between classes, {@code Object}, {@code Serializable} and a framework's base classes are parsed again for each
 * of thousands of classes, which multiplied a Spring Boot application's start-up time.
 *
 * <p>Memory stays bounded: at most {@value #ENTRIES_PER_LOADER} descriptions per loader, least recently used
 * first out, and loaders are held weakly (the descriptions reach their loader only through ByteBuddy's weakly
 * referencing class file locator).
 */
final class TypeDescriptionCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {

    static final int ENTRIES_PER_LOADER = 2048;
    static final long IDLE_SECONDS = 10;

    private final Map<ClassLoader, TypePool.CacheProvider> byLoader =
            Collections.synchronizedMap(new WeakHashMap<>());
    private final TypePool.CacheProvider bootstrap = new Bounded();
    private volatile long lastUseNanos = System.nanoTime();

    TypeDescriptionCache() {
        super(TypePool.Default.ReaderMode.FAST);
        ScheduledThreadPoolExecutor reaper = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "autoprom-type-cache");
            thread.setDaemon(true);
            return thread;
        });
        reaper.scheduleWithFixedDelay(this::dropWhenIdle, IDLE_SECONDS, IDLE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader loader) {
        lastUseNanos = System.nanoTime();
        return loader == null ? bootstrap : byLoader.computeIfAbsent(loader, ignored -> new Bounded());
    }

    private void dropWhenIdle() {
        if (System.nanoTime() - lastUseNanos >= TimeUnit.SECONDS.toNanos(IDLE_SECONDS)) {
            byLoader.clear();
            bootstrap.clear();
        }
    }

    /** A least-recently-used map of type name to resolution. */
    private static final class Bounded implements TypePool.CacheProvider {
        private final Map<String, TypePool.Resolution> entries =
                new LinkedHashMap<String, TypePool.Resolution>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, TypePool.Resolution> eldest) {
                        return size() > ENTRIES_PER_LOADER;
                    }
                };

        @Override
        public synchronized TypePool.Resolution find(String name) {
            return entries.get(name);
        }

        @Override
        public synchronized TypePool.Resolution register(String name, TypePool.Resolution resolution) {
            TypePool.Resolution previous = entries.putIfAbsent(name, resolution);
            return previous == null ? resolution : previous;
        }

        @Override
        public synchronized void clear() {
            entries.clear();
        }
    }
}
