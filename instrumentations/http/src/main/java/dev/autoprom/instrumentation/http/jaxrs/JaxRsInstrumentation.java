package dev.autoprom.instrumentation.http.jaxrs;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.LoaderHasClass;
import dev.autoprom.api.Targets;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * JAX-RS resource methods (any implementation: Jersey, RESTEasy; {@code jakarta.ws.rs} and {@code javax.ws.rs}):
 * a method carrying one of the standard HTTP method annotations ({@code @GET}, {@code @POST}, {@code @PUT},
 * {@code @DELETE}, {@code @PATCH}, {@code @HEAD}, {@code @OPTIONS}) reports its template, the class's {@code @Path} joined with the method's, as the route of
 * the server request it runs in (servlet or JDK server). It records nothing itself.
 */
public final class JaxRsInstrumentation extends LibraryInstrumentation {

    /**
     * Matched by the annotations' names only: resolving each annotation's own annotations (to find any
     * {@code @HttpMethod}) would read annotation class files for every method of every class, and fail on
     * annotations missing from the class path.
     */
    private static final ElementMatcher.Junction<MethodDescription> RESOURCE_METHOD =
            not(isAbstract()).and(isAnnotatedWith(namedOneOf(httpMethodAnnotations())));

    private static String[] httpMethodAnnotations() {
        String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
        String[] names = new String[methods.length * 2];
        for (int i = 0; i < methods.length; i++) {
            names[2 * i] = "jakarta.ws.rs." + methods[i];
            names[2 * i + 1] = "javax.ws.rs." + methods[i];
        }
        return names;
    }

    // an unresolvable annotation or hierarchy is no match: the installer wraps every type matcher fail-safe
    public JaxRsInstrumentation() {
        super(
                "http",
                "jaxrs",
                Targets.declaringMethodsAnnotatedWith(httpMethodAnnotations()).and(declaresMethod(RESOURCE_METHOD)));
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("jakarta.ws.rs.Path", "javax.ws.rs.Path");
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(RESOURCE_METHOD, "dev.autoprom.instrumentation.http.jaxrs.ResourceMethodAdvice");
    }
}
