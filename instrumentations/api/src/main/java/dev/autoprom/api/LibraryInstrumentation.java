package dev.autoprom.api;

/**
 * What every library's module has in common: its family, its switch name and its {@link Targets}, given once
 * to the constructor. A module then only says which methods get which advice ({@link #adviseMethods}) and, where
 * it can, which class loaders can see the library ({@link #classLoaderMatcher}).
 *
 * <pre>
 * public final class OkHttpInstrumentation extends LibraryInstrumentation {
 *     public OkHttpInstrumentation() {
 *         super("websocket", "okhttp", Targets.named("okhttp3.OkHttpClient", "okhttp3.internal.ws.RealWebSocket"));
 *     }
 *     ...
 * }
 * </pre>
 */
public abstract class LibraryInstrumentation implements InstrumentationModule {

    private final String family;
    private final String name;
    private final Targets targets;

    /** {@code ServiceLoader} needs a public no-argument constructor in the subclass, which calls this one. */
    protected LibraryInstrumentation(String family, String name, Targets targets) {
        this.family = family;
        this.name = name;
        this.targets = targets;
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Targets targets() {
        return targets;
    }
}
