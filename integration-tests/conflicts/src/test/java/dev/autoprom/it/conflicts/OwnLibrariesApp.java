package dev.autoprom.it.conflicts;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;

/**
 * An application with its own ByteBuddy (1.14) and Prometheus client (1.3, with its own HTTPServer): it
 * generates a class at run time, counts 7 requests and serves them on its own port.
 */
public class OwnLibrariesApp {

    public static void main(String[] args) throws Exception {
        Class<?> generated = new ByteBuddy()
                .subclass(Object.class)
                .method(named("toString"))
                .intercept(FixedValue.value("made by the application's ByteBuddy"))
                .make()
                .load(OwnLibrariesApp.class.getClassLoader())
                .getLoaded();
        System.out.println("GENERATED=" + generated.getDeclaredConstructor().newInstance());

        PrometheusRegistry registry = new PrometheusRegistry();
        Counter requests =
                Counter.builder().name("app_requests").help("requests").register(registry);
        requests.inc(7);
        HTTPServer server = HTTPServer.builder().port(0).registry(registry).buildAndStart();
        System.out.println("APP_PORT=" + server.getPort());
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
