package testapp.quarkus;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Prints the port Quarkus bound ({@code quarkus.http.port=0} picks a free one) in the line the test waits for.
 * Quarkus registers it when the HTTP server is listening, which may be after the startup event: a daemon thread
 * waits for it.
 */
@ApplicationScoped
public class Ready {

    @Inject
    ValueRegistry registry;

    void onStart(@Observes StartupEvent event) {
        Thread waiter = new Thread(
                () -> {
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (!registry.containsKey(HttpServer.HTTP_PORT) && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.out.println("ready port=" + registry.get(HttpServer.HTTP_PORT));
                },
                "ready-port");
        waiter.setDaemon(true);
        waiter.start();
    }
}
