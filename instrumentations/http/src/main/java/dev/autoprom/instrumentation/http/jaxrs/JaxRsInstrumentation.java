package dev.autoprom.instrumentation.http.jaxrs;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.instrumentation.http.LoaderHasClass;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * JAX-RS resource methods (any implementation: Jersey, RESTEasy; {@code jakarta.ws.rs} and {@code javax.ws.rs}):
 * a method carrying an HTTP method annotation ({@code @GET}, {@code @POST}, ... anything meta-annotated with
 * {@code @HttpMethod}) reports its template, the class's {@code @Path} joined with the method's, as the route of
 * the server request it runs in (servlet or JDK server). It records nothing itself.
 */
public final class JaxRsInstrumentation implements InstrumentationModule {

    private static final ElementMatcher.Junction<MethodDescription> RESOURCE_METHOD = not(isAbstract())
            .and(isAnnotatedWith(isAnnotatedWith(namedOneOf("jakarta.ws.rs.HttpMethod", "javax.ws.rs.HttpMethod"))));

    @Override
    public String family() {
        return "http";
    }

    @Override
    public String name() {
        return "jaxrs";
    }

    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return LoaderHasClass.anyOf("jakarta.ws.rs.Path", "javax.ws.rs.Path");
    }

    @Override
    public ElementMatcher<? super TypeDescription> typeMatcher() {
        return not(isInterface()).and(declaresMethod(RESOURCE_METHOD));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(RESOURCE_METHOD, "dev.autoprom.instrumentation.http.jaxrs.ResourceMethodAdvice");
    }
}
