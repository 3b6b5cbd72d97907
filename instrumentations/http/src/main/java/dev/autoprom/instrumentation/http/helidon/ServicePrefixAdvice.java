package dev.autoprom.instrumentation.http.helidon;

import io.helidon.http.PathMatchers;
import net.bytebuddy.asm.Advice;

/**
 * After {@code ServiceRoute.acceptsPrefix(HttpPrologue)}: a service's registration path matched the start of the
 * request path. Helidon builds the routes inside it as the path it matched + the route's pattern; unless the
 * registration path is a literal, that matched path is request data, so it is noted for the route check at exit.
 */
public final class ServicePrefixAdvice {

    private ServicePrefixAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(
            @Advice.Return PathMatchers.PrefixMatchResult result, @Advice.FieldValue("pathMatcher") Object matcher) {
        if (result != null && result.accepted() && !HelidonHooks.isLiteral(matcher)) {
            HelidonHooks.rawPrefix(result.matchedPath().path());
        }
    }
}
