package dev.autoprom.api;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes a module instruments, declared once. Both the installer's byte-level pre-filter
 * ({@link #candidates()}) and the type matcher ByteBuddy runs on the candidates ({@link #typeMatcher()}) are
 * derived from the one declaration, so the rule that the pre-filter never rejects what the matcher would accept
 * holds by construction: every matcher built here requires what its candidates test for (the class's name, a
 * method it declares, an annotation in its constant pool). {@link #and} only narrows the matcher, which keeps
 * the rule.
 */
public final class Targets {

    private final CandidateTypes candidates;
    private final ElementMatcher.Junction<TypeDescription> typeMatcher;
    /** What the matcher requires a class to declare: a method with one of these names, or with one of these annotations. */
    private final Set<String> declaredMethodNames;

    private final Set<String> declaredMethodAnnotations;

    private Targets(
            CandidateTypes candidates,
            ElementMatcher.Junction<TypeDescription> typeMatcher,
            Set<String> declaredMethodNames,
            Set<String> declaredMethodAnnotations) {
        this.candidates = candidates;
        this.typeMatcher = typeMatcher;
        this.declaredMethodNames = declaredMethodNames;
        this.declaredMethodAnnotations = declaredMethodAnnotations;
    }

    /** Exactly the classes with these binary names ({@code com.zaxxer.hikari.pool.HikariPool}, {@code a.B$C}). */
    public static Targets named(String... binaryNames) {
        return new Targets(CandidateTypes.named(binaryNames), namedOneOf(binaryNames), Set.of(), Set.of());
    }

    /** Concrete classes that are, extend or implement one of {@code typeNames}: finish with {@link Subtypes#declaring}. */
    public static Subtypes subtypesOf(String... typeNames) {
        return new Subtypes(typeNames);
    }

    /** Concrete classes that declare a method carrying one of these annotations (binary names). */
    public static Targets declaringMethodsAnnotatedWith(String... annotationNames) {
        return new Targets(
                CandidateTypes.annotatedWith(annotationNames),
                not(isInterface()).and(declaresMethod(isAnnotatedWith(namedOneOf(annotationNames)))),
                Set.of(),
                Set.of(annotationNames));
    }

    /**
     * Concrete classes that carry one of these annotations (binary names) themselves or on a method they declare:
     * class-level annotations that apply to every method ({@code @Timed} on a class).
     */
    public static Targets annotatedWith(String... annotationNames) {
        return new Targets(
                CandidateTypes.annotatedWith(annotationNames),
                not(isInterface())
                        .and(isAnnotatedWith(namedOneOf(annotationNames))
                                .or(declaresMethod(isAnnotatedWith(namedOneOf(annotationNames))))),
                Set.of(),
                Set.of(annotationNames));
    }

    /** A class targeted by either. */
    public Targets or(Targets other) {
        return new Targets(
                candidates.or(other.candidates),
                typeMatcher.or(other.typeMatcher),
                union(declaredMethodNames, other.declaredMethodNames),
                union(declaredMethodAnnotations, other.declaredMethodAnnotations));
    }

    /** The same candidates, fewer matches: {@code narrowing} is also required of a matched type. */
    public Targets and(ElementMatcher<? super TypeDescription> narrowing) {
        return new Targets(candidates, typeMatcher.and(narrowing), declaredMethodNames, declaredMethodAnnotations);
    }

    /** What the installer's pre-filter asks of the raw class file. */
    public CandidateTypes candidates() {
        return candidates;
    }

    /** What ByteBuddy asks of a candidate's type description. */
    public ElementMatcher<? super TypeDescription> typeMatcher() {
        return typeMatcher;
    }

    /** Names of which a matched class must declare a method; empty when the targets are only names. */
    public Set<String> declaredMethodNames() {
        return declaredMethodNames;
    }

    /** Annotations (binary names) of which a matched class must declare a method carrying one. */
    public Set<String> declaredMethodAnnotations() {
        return declaredMethodAnnotations;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return Collections.unmodifiableSet(both);
    }

    /** The first half of {@link #subtypesOf}: the methods the advice goes on complete it. */
    public static final class Subtypes {
        private final String[] typeNames;

        private Subtypes(String[] typeNames) {
            this.typeNames = Arrays.copyOf(typeNames, typeNames.length);
        }

        /**
         * ... that declare a method with one of these names: all the names the module's advice is put on (advice
         * only ever applies to a declared method, so a class declaring none of them has nothing to instrument).
         */
        public Targets declaring(String... methodNames) {
            return new Targets(
                    CandidateTypes.declaringMethod(methodNames),
                    not(isInterface())
                            .and(declaresMethod(namedOneOf(methodNames)))
                            .and(SuperTypeMatcher.anyOf(typeNames)),
                    Set.of(methodNames),
                    Set.of());
        }
    }
}
