package dev.autoprom.api;

import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * ByteBuddy's {@code takesArgument}/{@code takesArguments}, with the same meaning (the argument's erasure is the
 * given type), matched by type name. ByteBuddy's own versions taking a {@code Class} wrap it in a {@code
 * TypeDescription.ForLoadedType}, whose first use initialises ByteBuddy's reflection dispatchers: about 30 ms of
 * premain that a start taking every class from the class cache would not otherwise pay. Modules import these in
 * place of ElementMatchers' (the {@code int} overload is here too, so one import serves both).
 */
public final class ArgumentMatchers {

    private ArgumentMatchers() {}

    /** The method's parameter at {@code index} has the erasure {@code type}. */
    public static <T extends MethodDescription> ElementMatcher.Junction<T> takesArgument(int index, Class<?> type) {
        return ElementMatchers.takesArgument(index, named(actualName(type)));
    }

    /** The method's parameter at {@code index} has an erasure {@code type} accepts. */
    public static <T extends MethodDescription> ElementMatcher.Junction<T> takesArgument(
            int index, ElementMatcher<? super TypeDescription> type) {
        return ElementMatchers.takesArgument(index, type);
    }

    /** The method takes exactly these parameter types (erasures), in this order. */
    public static <T extends MethodDescription> ElementMatcher.Junction<T> takesArguments(Class<?>... types) {
        ElementMatcher.Junction<T> matcher = ElementMatchers.takesArguments(types.length);
        for (int index = 0; index < types.length; index++) {
            matcher = matcher.and(takesArgument(index, types[index]));
        }
        return matcher;
    }

    /** The method takes {@code count} parameters. */
    public static <T extends MethodDescription> ElementMatcher.Junction<T> takesArguments(int count) {
        return ElementMatchers.takesArguments(count);
    }

    /**
     * The name ByteBuddy's {@code named} compares a type description with ({@code getActualName}): the binary
     * name, {@code []} after an array's component.
     */
    static String actualName(Class<?> type) {
        return type.isArray() ? actualName(type.getComponentType()) + "[]" : type.getName();
    }
}
