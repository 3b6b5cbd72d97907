package dev.autoprom.agent;

import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One {@code advise} call of a module: which methods (of which class, when it named one) get which advice, and
 * on how many transformed classes it matched a method.
 */
final class Hook {

    /** The class it must be found on, or null: any class the module matches. */
    final String className;

    final ElementMatcher<? super MethodDescription> methods;
    final String advice;
    final AtomicInteger matchedClasses = new AtomicInteger();

    Hook(String className, ElementMatcher<? super MethodDescription> methods, String advice) {
        this.className = className;
        this.methods = methods;
        this.advice = advice;
    }

    /** The first method of {@code type} this hook applies to, as {@code Class#name(parameter types)}, or null. */
    String firstMatch(TypeDescription type) {
        if (className != null && !className.equals(type.getName())) {
            return null;
        }
        for (MethodDescription method : type.getDeclaredMethods()) {
            if (methods.matches(method)) {
                return describe(type, method);
            }
        }
        return null;
    }

    private static String describe(TypeDescription type, MethodDescription method) {
        StringBuilder out = new StringBuilder(type.getName())
                .append('#')
                .append(method.isConstructor() ? "<init>" : method.getName())
                .append('(');
        boolean first = true;
        for (TypeDescription.Generic parameter : method.getParameters().asTypeList()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(parameter.asErasure().getSimpleName());
        }
        return out.append(')').toString();
    }

    /** The advice's own name ({@code AgroalStartAdvice}, {@code TomcatAdvice$SendPart}). */
    String adviceName() {
        return advice.substring(advice.lastIndexOf('.') + 1);
    }
}
