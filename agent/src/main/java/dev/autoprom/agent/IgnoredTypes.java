package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Types the installer never looks at. Every class the JVM loads passes through the agent; rejecting by name
 * first (no class-file parsing) keeps the matchers, some of which walk type hierarchies, off the thousands of
 * classes that can never be instrumented: the JDK (except the two implementations the families hook), logging,
 * JSON, Kotlin and Spring's core containers. Also the agent's own classes and what it bundles.
 */
final class IgnoredTypes {

    private static final String[] PREFIXES = {
        "dev.autoprom.", "net.bytebuddy.",
        "java.", "com.sun.", "jdk.proxy",
        "kotlin.", "kotlinx.", "scala.", "groovy.", "okio.",
        "org.slf4j.", "ch.qos.logback.", "org.apache.logging.log4j.", "org.jboss.logging.",
        "com.fasterxml.jackson.", "org.yaml.snakeyaml.", "com.google.common.", "com.google.protobuf.",
        "com.google.gson.", "io.micrometer.", "org.aspectj.", "org.objectweb.asm.", "reactor.core.",
        "org.springframework.core.", "org.springframework.beans.", "org.springframework.context.",
        "org.springframework.aop.", "org.springframework.expression.", "org.springframework.util.",
        "org.springframework.asm.", "org.springframework.cglib.", "org.springframework.objenesis.",
    };

    private IgnoredTypes() {
    }

    static ElementMatcher.Junction<TypeDescription> matcher() {
        // names first: they need no class-file parsing, and most classes are decided by them
        ElementMatcher.Junction<TypeDescription> ignored = nameContains("$$Lambda");
        for (String prefix : PREFIXES) {
            ignored = ignored.or(nameStartsWith(prefix));
        }
        // the JDK's internals, except the two implementations that families hook: the HTTP server (behind
        // com.sun.net.httpserver) and the HTTP client (behind java.net.http.WebSocket)
        ignored = ignored.or(nameStartsWith("sun.").and(not(nameStartsWith("sun.net.httpserver."))));
        ignored = ignored.or(nameStartsWith("jdk.").and(not(nameStartsWith("jdk.internal.net.http."))));
        // javax/jakarta APIs are interfaces, except the servlet base classes the HTTP family instruments
        ignored = ignored.or(nameStartsWith("javax.").and(not(nameStartsWith("javax.servlet."))));
        ignored = ignored.or(nameStartsWith("jakarta.").and(not(nameStartsWith("jakarta.servlet."))));
        return ignored.or(isSynthetic());
    }
}
