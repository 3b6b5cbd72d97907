package dev.autoprom.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Does a type have one of the named types among itself and its super types? The same answer as ByteBuddy's
 * {@code hasSuperType(namedOneOf(...))}, but the answers for super types are remembered: every class the
 * application loads is asked, and without memory each question walks the whole hierarchy again (for a Spring
 * Boot application, most of the agent's start-up cost). Only super types are remembered, not the classes asked
 * about, so the memory grows with the number of distinct base classes and interfaces and is capped
 * ({@value #MAX_REMEMBERED}; past it, it starts over). A part of the hierarchy that cannot be resolved (an
 * optional dependency missing: Spring's servlet filters without a servlet API) is no match for that branch, and
 * the other branches are still asked, so an unrelated missing type neither hides a target nor becomes an error.
 *
 * <p>Types are remembered by name, across class loaders: two libraries with one fully qualified name but
 * different hierarchies would share an answer, which is accepted for the cost it saves.
 */
public final class SuperTypeMatcher extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    static final int MAX_REMEMBERED = 20_000;

    private final List<String> targets;
    private final ConcurrentHashMap<String, Boolean> superTypes = new ConcurrentHashMap<>();

    private SuperTypeMatcher(String... targetNames) {
        this.targets = new ArrayList<>(Arrays.asList(targetNames));
    }

    /** Matches types that are, extend or implement any of {@code typeNames}. */
    public static SuperTypeMatcher anyOf(String... typeNames) {
        return new SuperTypeMatcher(typeNames);
    }

    @Override
    public boolean matches(TypeDescription type) {
        try {
            return inHierarchy(type, false);
        } catch (RuntimeException | LinkageError unresolvable) {
            return false;
        }
    }

    private boolean inHierarchy(TypeDescription type, boolean remember) {
        String name = type.getName();
        if (targets.contains(name)) {
            return true;
        }
        if (remember) {
            Boolean known = superTypes.get(name);
            if (known != null) {
                return known;
            }
        }
        boolean found = superClassMatches(type) || anInterfaceMatches(type);
        if (remember) {
            if (superTypes.size() >= MAX_REMEMBERED) {
                superTypes.clear();
            }
            superTypes.put(name, found);
        }
        return found;
    }

    private boolean superClassMatches(TypeDescription type) {
        try {
            TypeDescription.Generic superClass = type.getSuperClass();
            return superClass != null && inHierarchy(superClass.asErasure(), true);
        } catch (RuntimeException | LinkageError unresolvable) {
            return false;
        }
    }

    private boolean anInterfaceMatches(TypeDescription type) {
        TypeList.Generic interfaces;
        try {
            interfaces = type.getInterfaces();
        } catch (RuntimeException | LinkageError unresolvable) {
            return false;
        }
        for (TypeDescription.Generic implemented : interfaces) {
            try {
                if (inHierarchy(implemented.asErasure(), true)) {
                    return true;
                }
            } catch (RuntimeException | LinkageError unresolvable) {
                // this interface cannot be one of ours: go on with the next
            }
        }
        return false;
    }

    /** As /autoprom shows it in a hook's matcher. */
    @Override
    public String toString() {
        return "hasSuperType(anyOf(" + String.join(", ", targets) + "))";
    }
}
