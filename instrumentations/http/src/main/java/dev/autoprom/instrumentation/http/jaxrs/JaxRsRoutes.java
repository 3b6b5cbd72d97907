package dev.autoprom.instrumentation.http.jaxrs;

import dev.autoprom.api.SelfMetrics;
import dev.autoprom.instrumentation.http.Routes;
import dev.autoprom.instrumentation.http.ServerRequestScope;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template of each JAX-RS resource method, worked out once by reflection (annotations are read by
 * name: this class cannot see the JAX-RS API) and then served from a per-class cache.
 */
public final class JaxRsRoutes {

    private static final ClassValue<ConcurrentHashMap<String, String>> TEMPLATES = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private JaxRsRoutes() {}

    /** @param nameAndDescriptor the method's name followed by its JVM descriptor */
    public static void resourceMethodEntered(Class<?> resourceClass, String nameAndDescriptor) {
        try {
            ServerRequestScope scope = ServerRequestScope.current();
            if (scope.depth == 0 || scope.frameworkRoute != null) {
                return; // not inside an instrumented server request, or an outer resource already reported
            }
            ConcurrentHashMap<String, String> byMethod = TEMPLATES.get(resourceClass);
            String template = byMethod.get(nameAndDescriptor);
            if (template == null) {
                template = template(resourceClass, nameAndDescriptor);
                byMethod.putIfAbsent(nameAndDescriptor, template);
            }
            scope.frameworkRoute = template;
        } catch (Throwable t) {
            SelfMetrics.recordError("http.jaxrs", t);
        }
    }

    static String template(Class<?> resourceClass, String nameAndDescriptor) {
        String classPath = path(resourceClass);
        for (Class<?> c = resourceClass; classPath == null && c != null; c = c.getSuperclass()) {
            classPath = path(c);
        }
        String methodPath = null;
        for (Method m : resourceClass.getDeclaredMethods()) {
            if (nameAndDescriptor.equals(m.getName() + descriptor(m))) {
                methodPath = path(m);
                break;
            }
        }
        String route = Routes.join(slashed(classPath), methodPath == null ? "" : methodPath);
        return route.isEmpty() ? "/" : slashed(route);
    }

    private static String slashed(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** The value of a {@code @Path} annotation (either namespace), or null. */
    private static String path(AnnotatedElement element) {
        for (Annotation a : element.getDeclaredAnnotations()) {
            String name = a.annotationType().getName();
            if (name.equals("jakarta.ws.rs.Path") || name.equals("javax.ws.rs.Path")) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String descriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            d.append(descriptor(p));
        }
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (type.isPrimitive()) {
            if (type == void.class) {
                return "V";
            }
            if (type == boolean.class) {
                return "Z";
            }
            if (type == long.class) {
                return "J";
            }
            return String.valueOf(Character.toUpperCase(type.getName().charAt(0)));
        }
        return "L" + type.getName().replace('.', '/') + ";";
    }
}
