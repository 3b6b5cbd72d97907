package dev.autoprom.api;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** What an {@link InstrumentationModule} fills in: methods (or constructors) and the advice class for them. */
public interface AdviceTarget {

    /**
     * Applies the advice class named {@code adviceClassName} to every method matched by {@code methods}. The
     * advice class is looked up by name through the instrumented class's loader, so its signature may name
     * library types. Every advice method must declare {@code suppress = Throwable.class}.
     */
    AdviceTarget advise(ElementMatcher<? super MethodDescription> methods, String adviceClassName);
}
