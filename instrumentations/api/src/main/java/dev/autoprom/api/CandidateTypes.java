package dev.autoprom.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which class files a module could possibly transform, judged from the raw bytes before ByteBuddy parses
 * anything. Every class the JVM loads passes through the agent; parsing each one into a type description and
 * walking its hierarchy was most of the agent's start-up cost, so the installer first asks this cheap,
 * necessary condition and hands only the candidates to the module's real matchers.
 *
 * <p>A candidate is a class with one of the given names, or that declares a method with one of the given
 * names (its methods table, not a call to such a method), or whose constant pool holds an annotation's
 * descriptor (a class carrying an annotation anywhere has it there). Advice only ever applies to declared
 * methods, so these never reject a class the advice could apply to. Being a candidate proves nothing: the
 * module's type and method matchers still decide.
 */
public final class CandidateTypes {

    private static final CandidateTypes ANY = new CandidateTypes(true, Set.of(), Set.of(), Set.of());

    private final boolean any;
    private final Set<String> internalNames;
    private final Set<String> methodNames;
    private final Set<String> constantPoolStrings;

    private CandidateTypes(
            boolean any, Set<String> internalNames, Set<String> methodNames, Set<String> constantPoolStrings) {
        this.any = any;
        this.internalNames = internalNames;
        this.methodNames = methodNames;
        this.constantPoolStrings = constantPoolStrings;
    }

    /** Every class is a candidate: the installer cannot pre-filter for this module. */
    public static CandidateTypes any() {
        return ANY;
    }

    /** The classes with these binary names ({@code com.zaxxer.hikari.pool.HikariPool}, {@code a.B$Inner}). */
    public static CandidateTypes named(String... binaryNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : binaryNames) {
            names.add(name.replace('.', '/'));
        }
        return new CandidateTypes(false, Collections.unmodifiableSet(names), Set.of(), Set.of());
    }

    /** Classes that declare (not merely call or inherit) a method with one of these names. */
    public static CandidateTypes declaringMethod(String... methodNames) {
        return new CandidateTypes(
                false,
                Set.of(),
                Collections.unmodifiableSet(new LinkedHashSet<>(java.util.Arrays.asList(methodNames))),
                Set.of());
    }

    /** Classes that use one of these annotations (binary names) on the class or on any member. */
    public static CandidateTypes annotatedWith(String... annotationNames) {
        Set<String> descriptors = new LinkedHashSet<>();
        for (String name : annotationNames) {
            descriptors.add('L' + name.replace('.', '/') + ';');
        }
        return new CandidateTypes(false, Set.of(), Set.of(), Collections.unmodifiableSet(descriptors));
    }

    /** A class that is a candidate for either. */
    public CandidateTypes or(CandidateTypes other) {
        if (any || other.any) {
            return ANY;
        }
        return new CandidateTypes(
                false,
                union(internalNames, other.internalNames),
                union(methodNames, other.methodNames),
                union(constantPoolStrings, other.constantPoolStrings));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return Collections.unmodifiableSet(both);
    }

    public boolean isAny() {
        return any;
    }

    /** Class names in the JVM's internal form ({@code com/zaxxer/hikari/pool/HikariPool}). */
    public Set<String> internalNames() {
        return internalNames;
    }

    /** Names of methods a candidate declares. */
    public Set<String> methodNames() {
        return methodNames;
    }

    /** Strings looked for among the class file's constant-pool UTF-8 entries (annotation descriptors). */
    public Set<String> constantPoolStrings() {
        return constantPoolStrings;
    }
}
