package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Types the installer never looks at. Every class the JVM loads passes through the agent; rejecting by name
 * first (no class-file parsing) keeps the matchers, some of which walk type hierarchies, off the thousands of
 * classes that can never be instrumented: the JDK (except the two implementations the families hook), logging,
 * JSON, Kotlin and Spring's core containers. Also the agent's own classes and what it bundles.
 */
final class IgnoredTypes {

    /** Internal-name prefixes (slashes, as the JVM hands names to a class-file transformer). */
    private static final String[] PREFIXES = {
        "dev/autoprom/", "net/bytebuddy/",
        "java/", "com/sun/", "jdk/proxy",
        "kotlin/", "kotlinx/", "scala/", "groovy/", "okio/",
        "org/slf4j/", "ch/qos/logback/", "org/apache/logging/log4j/", "org/jboss/logging/",
        "com/fasterxml/jackson/", "org/yaml/snakeyaml/", "com/google/common/", "com/google/protobuf/",
        "com/google/gson/", "io/micrometer/", "org/aspectj/", "org/objectweb/asm/", "reactor/core/",
        "org/springframework/core/", "org/springframework/beans/", "org/springframework/context/",
        "org/springframework/aop/", "org/springframework/expression/", "org/springframework/util/",
        "org/springframework/asm/", "org/springframework/cglib/", "org/springframework/objenesis/",
    };

    private IgnoredTypes() {
    }

    /** Whether the class with this internal name ({@code java/lang/String}) is never instrumented. */
    static boolean ignores(String internalName) {
        if (internalName.contains("$$Lambda")) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        // the JDK's internals, except the two implementations that families hook: the HTTP server (behind
        // com.sun.net.httpserver) and the HTTP client (behind java.net.http.WebSocket)
        if (internalName.startsWith("sun/")) {
            return !internalName.startsWith("sun/net/httpserver/");
        }
        if (internalName.startsWith("jdk/")) {
            return !internalName.startsWith("jdk/internal/net/http/");
        }
        // javax/jakarta APIs are interfaces, except the servlet base classes the HTTP family instruments
        if (internalName.startsWith("javax/")) {
            return !internalName.startsWith("javax/servlet/");
        }
        if (internalName.startsWith("jakarta/")) {
            return !internalName.startsWith("jakarta/servlet/");
        }
        return false;
    }

    /** The same rule for ByteBuddy (which also sees already loaded classes when attached late), plus synthetics. */
    static ElementMatcher.Junction<TypeDescription> matcher() {
        ElementMatcher.Junction<TypeDescription> byName = new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(TypeDescription type) {
                return ignores(type.getName().replace('.', '/'));
            }
        };
        return byName.or(isSynthetic());
    }
}
