package dev.autoprom.api;

import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * One instrumented library. The installer finds every implementation with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.autoprom.api.InstrumentationModule}), so adding a library is adding
 * one package and one line.
 *
 * <p>Advice is inlined into the instrumented class, so advice and the helpers it calls must only use types
 * that class can see plus {@code java.base}: the agent's own classes live on the bootstrap class path, where
 * library types (and even {@code java.sql}, {@code java.net.http}) are invisible.
 */
public interface InstrumentationModule {

    /** The family: {@code http}, {@code jdbc}, {@code websocket} or {@code genai}. */
    String family();

    /** The library, as used in {@code autoprom.instrumentation.<name>.enabled}: {@code servlet}, {@code hikaricp}. */
    String name();

    /** Whether the library is instrumented when its switch is not set. */
    default boolean enabledByDefault() {
        return true;
    }

    /**
     * A cheap test run first: does this class loader see the library at all? Keep it to
     * {@code hasClassNamed}-style checks so most loaders are rejected without parsing a class.
     */
    default ElementMatcher<ClassLoader> classLoaderMatcher() {
        return ElementMatchers.any();
    }

    /**
     * Which classes get advice, declared once ({@link Targets}): the installer's pre-filter on the raw class file
     * and the type matcher are both derived from it. Name-based first; strict enough that an unknown version is
     * skipped.
     */
    Targets targets();

    /** Declares which methods of a matched type get which advice class. */
    void adviseMethods(AdviceTarget target);
}
