package dev.autoprom.instrumentation.genai;

import java.util.Set;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Type matcher: a concrete class that implements one of the given interfaces, directly or through its
 * hierarchy. Unlike ByteBuddy's {@code hasSuperType}, a part of the hierarchy that cannot be resolved (Spring's
 * servlet filters without a servlet API on the class path) is skipped instead of failing the match, so an
 * application's unrelated classes never show up as instrumentation errors. Packages that cannot contain model
 * implementations are rejected by name before any hierarchy is read.
 */
public final class ImplementsInterface implements ElementMatcher<TypeDescription> {

    private static final String[] NEVER = {"java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.", "kotlin.",
            "kotlinx.", "scala.", "groovy.", "reactor.", "io.netty.", "io.micrometer.", "com.fasterxml.", "okhttp3.",
            "okio.", "com.google.common.", "com.google.protobuf.", "org.slf4j.", "ch.qos.", "org.apache.",
            "org.jetbrains.", "org.junit.", "org.assertj.", "org.yaml.", "net.bytebuddy.", "io.prometheus.",
            "com.openai.", "com.anthropic."};

    private final Set<String> interfaces;
    private final String allowedSpringPrefix;

    private ImplementsInterface(Set<String> interfaces, String allowedSpringPrefix) {
        this.interfaces = interfaces;
        this.allowedSpringPrefix = allowedSpringPrefix;
    }

    /** Any of {@code interfaces}; Spring's own packages are skipped unless they start with {@code springPrefix}. */
    public static ImplementsInterface anyOf(String springPrefix, String... interfaces) {
        return new ImplementsInterface(Set.of(interfaces), springPrefix);
    }

    @Override
    public boolean matches(TypeDescription type) {
        if (type.isInterface()) {
            return false;
        }
        String name = type.getName();
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        if (name.startsWith("org.springframework.")
                && (allowedSpringPrefix == null || !name.startsWith(allowedSpringPrefix))) {
            return false;
        }
        return implementsAny(type, 0);
    }

    private boolean implementsAny(TypeDefinition type, int depth) {
        if (type == null || depth > 16) {
            return false;
        }
        try {
            for (TypeDescription.Generic candidate : type.getInterfaces()) {
                TypeDescription erasure = candidate.asErasure();
                if (interfaces.contains(erasure.getName()) || implementsAny(erasure, depth + 1)) {
                    return true;
                }
            }
        } catch (RuntimeException unresolvable) {
            // an interface not on the class path cannot be one of ours: go on with the superclass
        }
        try {
            TypeDescription.Generic superClass = type.getSuperClass();
            return superClass != null && implementsAny(superClass.asErasure(), depth + 1);
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }
}
