package dev.autoprom.instrumentation.methods;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;

/**
 * Reading annotations from ByteBuddy's description of the class file: no annotation class is loaded and no
 * reflection is used; unset attributes resolve to their defaults from the annotation's own class file.
 */
public final class Annotations {

    private Annotations() {}

    /** The method's annotations of type {@code name}, and those inside the repeatable container {@code container}. */
    public static List<AnnotationDescription> on(AnnotationList annotations, String name, String container) {
        List<AnnotationDescription> found = new ArrayList<>(1);
        for (AnnotationDescription annotation : annotations) {
            String type = annotation.getAnnotationType().getName();
            if (type.equals(name)) {
                found.add(annotation);
            } else if (container != null && type.equals(container)) {
                for (AnnotationDescription inner :
                        annotation.getValue("value").resolve(AnnotationDescription[].class)) {
                    found.add(inner);
                }
            }
        }
        return found;
    }

    /**
     * The annotations that apply to {@code method}: its own, or when it has none, its class's (which apply to
     * the public instance methods, the ones an AOP proxy would intercept).
     */
    public static List<AnnotationDescription> applying(MethodDescription method, String name, String container) {
        List<AnnotationDescription> own = on(method.getDeclaredAnnotations(), name, container);
        if (!own.isEmpty()) {
            return own;
        }
        if (!method.isPublic() || method.isStatic()) {
            return own;
        }
        return on(method.getDeclaringType().asErasure().getDeclaredAnnotations(), name, container);
    }

    public static String string(AnnotationDescription annotation, String attribute) {
        return annotation.getValue(attribute).resolve(String.class);
    }

    public static String[] strings(AnnotationDescription annotation, String attribute) {
        return annotation.getValue(attribute).resolve(String[].class);
    }

    public static boolean bool(AnnotationDescription annotation, String attribute) {
        return annotation.getValue(attribute).resolve(Boolean.class);
    }
}
