package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

/**
 * The name-based matchers accept exactly what ByteBuddy's Class-based ones accept, over every public method of a
 * few JDK types whose parameters are primitives, arrays, nested types and generics.
 */
class ArgumentMatchersTest {

    private static final Class<?>[] TYPES = {
        String.class,
        int.class,
        boolean.class,
        char[].class,
        byte[][].class,
        Object.class,
        Map.Entry.class,
        ByteBuffer.class,
        CharSequence.class,
        Throwable.class,
        long.class
    };

    @Test
    void takesArgumentAgreesWithByteBuddyOnEveryMethodAndType() {
        int accepted = 0;
        for (MethodDescription method : methods()) {
            for (int index = 0; index < 3; index++) {
                for (Class<?> type : TYPES) {
                    boolean expected =
                            ElementMatchers.takesArgument(index, type).matches(method);
                    assertThat(ArgumentMatchers.takesArgument(index, type).matches(method))
                            .as("%s argument %d %s", method, index, type)
                            .isEqualTo(expected);
                    accepted += expected ? 1 : 0;
                }
            }
        }
        assertThat(accepted).as("the comparison saw matches, not only misses").isGreaterThan(50);
    }

    @Test
    void takesArgumentsAgreesWithByteBuddy() {
        List<Class<?>[]> shapes = List.of(
                new Class<?>[] {},
                new Class<?>[] {char[].class},
                new Class<?>[] {char[].class, int.class, int.class},
                new Class<?>[] {CharSequence.class},
                new Class<?>[] {int.class},
                new Class<?>[] {Object.class},
                new Class<?>[] {ByteBuffer.class, boolean.class});
        int accepted = 0;
        for (MethodDescription method : methods()) {
            for (Class<?>[] shape : shapes) {
                ElementMatcher<MethodDescription> ours = ArgumentMatchers.takesArguments(shape);
                boolean expected = ElementMatchers.takesArguments(shape).matches(method);
                assertThat(ours.matches(method))
                        .as("%s %s", method, List.of(shape))
                        .isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
        }
        assertThat(accepted).isGreaterThan(10);
        assertThat(ArgumentMatchers.actualName(byte[][].class)).isEqualTo("byte[][]");
        assertThat(ArgumentMatchers.actualName(Map.Entry.class)).isEqualTo("java.util.Map$Entry");
    }

    private static List<MethodDescription> methods() {
        List<MethodDescription> methods = new ArrayList<>();
        for (Class<?> owner : new Class<?>[] {String.class, StringBuilder.class, Map.class, ByteBuffer.class}) {
            for (Method method : owner.getMethods()) {
                methods.add(new MethodDescription.ForLoadedMethod(method));
            }
        }
        return methods;
    }
}
