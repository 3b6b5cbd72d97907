package dev.autoprom.instrumentation.genai;

import dev.autoprom.api.BridgeClasses;
import dev.autoprom.api.SelfMetrics;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link GenAiAdapter} per (library class loader, adapter class), created on first use next to the library
 * (see {@link BridgeClasses}) and kept as long as that library's classes live.
 */
public final class GenAiAdapters {

    private static final ClassValue<ConcurrentHashMap<String, Object>> BY_ANCHOR = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>(4);
        }
    };
    /** Marks an adapter that could not be created, so that it is not retried on every call. */
    private static final Object MISSING = new Object();

    private GenAiAdapters() {
    }

    /**
     * The adapter {@code bridgeClassName} for the library that defines {@code anchor}; {@code null} if it could
     * not be loaded (counted once in the agent's errors).
     */
    public static GenAiAdapter get(Class<?> anchor, String bridgeClassName) {
        ConcurrentHashMap<String, Object> adapters = BY_ANCHOR.get(anchor);
        Object adapter = adapters.get(bridgeClassName);
        if (adapter == null) {
            adapter = adapters.computeIfAbsent(bridgeClassName, name -> create(anchor, name));
        }
        return adapter == MISSING ? null : (GenAiAdapter) adapter;
    }

    private static Object create(Class<?> anchor, String bridgeClassName) {
        try {
            return BridgeClasses.newInstance(anchor, bridgeClassName);
        } catch (Throwable t) {
            SelfMetrics.recordError("genai.adapter", t);
            return MISSING;
        }
    }
}
