package dev.autoprom.agent;

/**
 * Types the installer never looks at. Every class the JVM loads passes through the agent; rejecting by name
 * first (no class-file parsing) keeps the matchers, some of which walk type hierarchies, off the thousands of
 * classes that can never be instrumented: the JDK (except the two implementations the families hook), logging,
 * JSON, Kotlin and Spring's core containers. Also the agent's own classes and what it bundles.
 */
final class IgnoredTypes {

    /** Internal-name prefixes (slashes, as the JVM hands names to a class-file transformer). */
    private static final String[] IGNORED = {
        "dev/autoprom/",
        "net/bytebuddy/",
        "java/",
        "jdk/",
        "sun/",
        "com/sun/",
        "javax/",
        "jakarta/",
        "kotlin/",
        "kotlinx/",
        "scala/",
        "groovy/",
        "okio/",
        "org/slf4j/",
        "ch/qos/logback/",
        "org/apache/logging/log4j/",
        "org/jboss/logging/",
        "com/fasterxml/jackson/",
        "org/yaml/snakeyaml/",
        "com/google/common/",
        "com/google/protobuf/",
        "com/google/gson/",
        "io/micrometer/",
        "org/aspectj/",
        "org/objectweb/asm/",
        "reactor/core/",
        "org/springframework/core/",
        "org/springframework/beans/",
        "org/springframework/context/",
        "org/springframework/aop/",
        "org/springframework/expression/",
        "org/springframework/util/",
        "org/springframework/asm/",
        "org/springframework/cglib/",
        "org/springframework/objenesis/",
    };
    /**
     * Exceptions inside the ignored prefixes: the JDK's HTTP server (behind com.sun.net.httpserver) and HTTP
     * client (behind java.net.http.HttpClient and WebSocket) implementations, HttpURLConnection's, the servlet
     * base classes (the rest of javax and jakarta is interfaces), the two executors the methods family reads, and the demo application (an application, though in the agent's
     * namespace: its methods file names its classes).
     */
    private static final String[] INSTRUMENTED = {
        "sun/net/httpserver/",
        "jdk/internal/net/http/",
        "sun/net/www/protocol/http/",
        "javax/servlet/",
        "jakarta/servlet/",
        "java/util/concurrent/ThreadPoolExecutor",
        "java/util/concurrent/ForkJoinWorkerThread",
        "dev/autoprom/demo/",
        // where Reactor reports what an application's operator threw (the WebFlux WebSocket handler's failure)
        "reactor/core/publisher/Operators",
    };
    /**
     * Both lists by the name's first character, so a name is compared with two or three prefixes instead of
     * forty: this runs for every class the JVM loads, and a long loop here got hot enough for the JIT to spend
     * a tenth of a second compiling it while the application started.
     */
    private static final String[][] IGNORED_BY_FIRST_CHAR = byFirstChar(IGNORED);

    private static final String[][] INSTRUMENTED_BY_FIRST_CHAR = byFirstChar(INSTRUMENTED);

    private IgnoredTypes() {}

    private static String[][] byFirstChar(String[] prefixes) {
        String[][] table = new String[128][];
        for (String prefix : prefixes) {
            char first = prefix.charAt(0);
            String[] same = table[first];
            String[] grown = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = prefix;
            table[first] = grown;
        }
        return table;
    }

    /** Whether the class with this internal name ({@code java/lang/String}) is never instrumented. */
    static boolean ignores(String internalName) {
        char first = internalName.isEmpty() ? 0 : internalName.charAt(0);
        return first < 128
                && startsWithAny(internalName, IGNORED_BY_FIRST_CHAR[first])
                && !startsWithAny(internalName, INSTRUMENTED_BY_FIRST_CHAR[first]);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        if (prefixes != null) {
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
