package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoredTypesTest {

    @ParameterizedTest
    @CsvSource({
        // the JDK, except the implementations the families hook
        "java/lang/String, true",
        "jdk/internal/misc/Unsafe, true",
        "sun/nio/ch/SocketChannelImpl, true",
        "com/sun/net/httpserver/HttpServer, true",
        "sun/net/httpserver/HttpServerImpl, false",
        "jdk/internal/net/http/websocket/WebSocketImpl, false",
        "sun/net/www/protocol/http/HttpURLConnection, false",
        "sun/net/www/protocol/jar/Handler, true",
        // the executors the methods family reads, not the rest of java.util.concurrent
        "java/util/concurrent/ThreadPoolExecutor, false",
        "java/util/concurrent/ForkJoinWorkerThread, false",
        "java/util/concurrent/ConcurrentHashMap, true",
        // javax and jakarta: only the servlet base classes
        "javax/sql/DataSource, true",
        "javax/servlet/http/HttpServlet, false",
        "jakarta/ws/rs/GET, true",
        "jakarta/servlet/GenericServlet, false",
        // libraries that are never instrumented, and the agent itself
        "org/springframework/core/io/Resource, true",
        "org/springframework/web/filter/OncePerRequestFilter, false",
        "com/fasterxml/jackson/databind/ObjectMapper, true",
        "kotlinx/coroutines/Job, true",
        "dev/autoprom/agent/AgentMain, true",
        // the demo is an application (its methods file names its classes)
        "dev/autoprom/demo/UserApi, false",
        // everything else is looked at
        "org/h2/jdbc/JdbcConnection, false",
        "com/zaxxer/hikari/pool/HikariPool, false",
        "okhttp3/OkHttpClient, false",
        "App, false",
        "émoji/Klasse, false",
    })
    void decidesByNameAlone(String internalName, boolean ignored) {
        assertThat(IgnoredTypes.ignores(internalName)).isEqualTo(ignored);
    }
}
