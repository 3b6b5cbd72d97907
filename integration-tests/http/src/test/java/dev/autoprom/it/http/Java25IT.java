package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoprom.it.harness.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import testapp.JdkServerApp;
import testapp.TomcatApp;

/** The JDK server (a named platform module) and a servlet container on Java 25, where it is installed. */
class Java25IT {

    private static final Path JAVA_25 =
            Path.of(System.getProperty("autoprom.java25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void jdkServerOnJava25() {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no Java 25 at " + JAVA_25);
        try (ChildJvm app = ChildJvm.main(JdkServerApp.class).javaHome(JAVA_25).start()) {
            HttpFamily http = new HttpFamily(app);
            http.get("/hello", 5, 200);
            http.awaitCount(5, series("GET", 200, "/hello", ""));
        }
    }

    @Test
    void tomcatOnJava25() {
        assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no Java 25 at " + JAVA_25);
        try (ChildJvm app = ChildJvm.main(TomcatApp.class).javaHome(JAVA_25).start()) {
            HttpFamily http = new HttpFamily(app);
            http.get("/hello", 5, 200);
            http.get("/fail", 2, 500);
            assertThat(http.get("/async").body()).isEqualTo("async");
            http.awaitCount(5, series("GET", 200, "/hello", ""));
            http.awaitCount(2, series("GET", 500, "/fail", "java.lang.IllegalStateException"));
            http.awaitCount(1, series("GET", 200, "/async", ""));
            http.awaitNoActive();
        }
    }
}
