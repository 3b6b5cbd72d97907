package dev.autoprom.instrumentation.methods;

import dev.autoprom.api.AgentLog;
import java.lang.reflect.Method;

/**
 * A label taken from a method's argument ({@code arg0}) or from a property of it ({@code arg0.platform}: a
 * {@code getPlatform()}, {@code isPlatform()} or {@code platform()} accessor). Only values that are labels by
 * nature are used: an enum's name, a {@code String}, a boxed primitive; any other object's {@code toString()} only
 * when the file asks for it ({@code .tostring=true}), since it may carry anything. Otherwise the value is empty
 * and the mismatch is logged once. The series cap bounds the values like every label's.
 */
public final class ArgumentLabel {

    final String name;
    final int argument;
    /** The property read from the argument; null: the argument itself. */
    final String property;

    final boolean toStringAllowed;
    /** {@code file:line}, for messages. */
    final String origin;

    private final ClassValue<Method> accessors = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return accessor(type);
        }
    };

    public ArgumentLabel(String name, int argument, String property, boolean toStringAllowed, String origin) {
        this.name = name;
        this.argument = argument;
        this.property = property;
        this.toStringAllowed = toStringAllowed;
        this.origin = origin;
    }

    public int argument() {
        return argument;
    }

    /** The label value for one call's arguments; never throws, "" when there is none. */
    String value(Object[] arguments) {
        if (arguments == null || argument >= arguments.length) {
            return "";
        }
        Object value = arguments[argument];
        if (value != null && property != null) {
            Method getter = accessors.get(value.getClass());
            if (getter == null) {
                AgentLog.warnOnce(
                        "methods.label:" + origin + ':' + value.getClass().getName(),
                        origin + ": label " + name + ": " + value.getClass().getName() + " has no public accessor "
                                + property + "(), get" + capitalized() + "() or is" + capitalized()
                                + "(); the label is empty");
                return "";
            }
            try {
                value = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                AgentLog.warnOnce(
                        "methods.label.call:" + origin,
                        origin + ": label " + name + ": " + getter + " failed (" + e + "); the label is empty");
                return "";
            }
        }
        return text(value);
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof String
                || value instanceof Number && value.getClass().getName().startsWith("java.lang.")
                || value instanceof Boolean
                || value instanceof Character) {
            return value.toString();
        }
        if (toStringAllowed) {
            return String.valueOf(value);
        }
        AgentLog.warnOnce(
                "methods.label.type:" + origin + ':' + value.getClass().getName(),
                origin + ": label " + name + " is a " + value.getClass().getName()
                        + ": expected an enum, a String or a boxed primitive (name a property of it, or set "
                        + name + ".tostring=true to use its toString()); the label is empty");
        return "";
    }

    private String capitalized() {
        return Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    private Method accessor(Class<?> type) {
        for (String candidate : new String[] {"get" + capitalized(), "is" + capitalized(), property}) {
            try {
                Method method = type.getMethod(candidate);
                if (method.getReturnType() == void.class) {
                    continue;
                }
                try {
                    method.setAccessible(true); // a public accessor of a non-public class (a private record)
                } catch (RuntimeException notOpen) {
                    // called as it is; a failure is reported per call site once
                }
                return method;
            } catch (NoSuchMethodException e) {
                // the next spelling
            }
        }
        return null;
    }
}
