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
 * <p>A candidate is a class with one of the given names, or whose constant pool holds one of the given
 * strings. A class that declares a method has the method's name in its constant pool, and one that carries an
 * annotation has the annotation's descriptor there, so {@link #declaringMethod} and {@link #annotatedWith}
 * never reject a class the advice could apply to. Being a candidate proves nothing: the module's type and
 * method matchers still decide.
 */
public final class CandidateTypes {

    private static final CandidateTypes ANY = new CandidateTypes(true, Set.of(), Set.of());

    private final boolean any;
    private final Set<String> internalNames;
    private final Set<String> constantPoolStrings;

    private CandidateTypes(boolean any, Set<String> internalNames, Set<String> constantPoolStrings) {
        this.any = any;
        this.internalNames = internalNames;
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
        return new CandidateTypes(false, Collections.unmodifiableSet(names), Set.of());
    }

    /** Classes whose constant pool holds one of these method names: every class declaring such a method. */
    public static CandidateTypes declaringMethod(String... methodNames) {
        return new CandidateTypes(false, Set.of(), Collections.unmodifiableSet(new LinkedHashSet<>(
                java.util.Arrays.asList(methodNames))));
    }

    /** Classes that use one of these annotations (binary names) on the class or on any member. */
    public static CandidateTypes annotatedWith(String... annotationNames) {
        Set<String> descriptors = new LinkedHashSet<>();
        for (String name : annotationNames) {
            descriptors.add('L' + name.replace('.', '/') + ';');
        }
        return new CandidateTypes(false, Set.of(), Collections.unmodifiableSet(descriptors));
    }

    /** A class that is a candidate for either. */
    public CandidateTypes or(CandidateTypes other) {
        if (any || other.any) {
            return ANY;
        }
        Set<String> names = new LinkedHashSet<>(internalNames);
        names.addAll(other.internalNames);
        Set<String> strings = new LinkedHashSet<>(constantPoolStrings);
        strings.addAll(other.constantPoolStrings);
        return new CandidateTypes(false, Collections.unmodifiableSet(names), Collections.unmodifiableSet(strings));
    }

    public boolean isAny() {
        return any;
    }

    /** Class names in the JVM's internal form ({@code com/zaxxer/hikari/pool/HikariPool}). */
    public Set<String> internalNames() {
        return internalNames;
    }

    /** Strings looked for among the class file's constant-pool UTF-8 entries. */
    public Set<String> constantPoolStrings() {
        return constantPoolStrings;
    }
}
