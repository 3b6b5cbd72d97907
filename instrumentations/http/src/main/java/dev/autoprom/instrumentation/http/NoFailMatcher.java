package dev.autoprom.instrumentation.http;

import net.bytebuddy.matcher.ElementMatcher;

/**
 * Wraps a type matcher that walks a class's hierarchy or annotations: when part of it cannot be resolved (an
 * optional dependency missing from the class path, common in Spring Boot apps) the class simply does not match,
 * instead of the failure being reported as an instrumentation error for a class we never meant to touch.
 */
public final class NoFailMatcher<T> extends ElementMatcher.Junction.AbstractBase<T> {

    private final ElementMatcher<? super T> delegate;

    private NoFailMatcher(ElementMatcher<? super T> delegate) {
        this.delegate = delegate;
    }

    public static <T> NoFailMatcher<T> of(ElementMatcher<? super T> delegate) {
        return new NoFailMatcher<>(delegate);
    }

    @Override
    public boolean matches(T target) {
        try {
            return delegate.matches(target);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
