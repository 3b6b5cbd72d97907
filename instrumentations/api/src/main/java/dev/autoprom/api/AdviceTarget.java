package dev.autoprom.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What an {@link InstrumentationModule} fills in: methods (or constructors) and the advice class for them. Each
 * call declares one hook. The installer reports every hook in {@code /autoprom}: for a module whose
 * {@link InstrumentationModule#candidates()} name its classes, every hook is needed, and is checked against
 * the library's class files once one of its classes has loaded (at the next scrape; a hook that matches nothing
 * makes the module "not applied", is logged and counted in {@code autoprom_instrumentation_hooks_missed}); for a module
 * matching a hierarchy (any JDBC driver, any servlet), the classes each hook matched are counted.
 */
public interface AdviceTarget {

    /**
     * Applies the advice class named {@code adviceClassName} to every method matched by {@code methods}, in every
     * type the module matches. The advice class is looked up by name through the instrumented class's loader,
     * so its signature may name library types. Every advice method must declare {@code suppress = Throwable.class}.
     */
    AdviceTarget advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName);

    /**
     * A hook on the class named {@code className} only: {@code methods} is restricted to that declaring type,
     * and a miss is reported with the class (absent, or no method matching).
     */
    AdviceTarget advise(String className, ElementMatcher<? super MethodDescription> methods, String adviceClassName);

    /**
     * One of several hooks that meet the same {@code need} in different library versions (a method that moved
     * between releases): the need is met when any of the hooks declared with that need matches, and the others
     * are not misses. {@code className} may be null: any type the module matches. Every alternative's advice
     * is applied wherever it matches, so alternatives must not both match where one calls the other.
     */
    AdviceTarget adviseOneOf(
            String need, String className, ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
