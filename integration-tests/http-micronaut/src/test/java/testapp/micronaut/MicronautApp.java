package testapp.micronaut;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A Micronaut 4 application serving NonServletServerContract's routes on its Netty server; prints "ready port=N". */
@Controller
@Produces(MediaType.TEXT_PLAIN)
public class MicronautApp {

    /** Completed by /release; a /hold that arrives after it answers at once (the test may release first). */
    private static final CompletableFuture<String> RELEASED = new CompletableFuture<>();

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.build(args)
                .mainClass(MicronautApp.class)
                .properties(Map.of(
                        "micronaut.server.port", "-1",
                        "micronaut.server.host", "127.0.0.1",
                        "micronaut.banner.enabled", "false"))
                .start();
        System.out.println("ready port=" + context.getBean(EmbeddedServer.class).getPort());
    }

    @Get("/hello")
    public String hello() {
        return "hello";
    }

    @Get("/items/{id}")
    public String item(String id) {
        return "item " + id;
    }

    @Get("/fail")
    public String fail() {
        throw new IllegalStateException("handler failed");
    }

    @Get("/stream")
    public Publisher<String> stream() {
        return Flux.interval(Duration.ofMillis(100)).take(5).map(i -> "chunk\n");
    }

    @Delete("/hold")
    public CompletableFuture<String> hold() {
        return RELEASED.thenApply(released -> released);
    }

    @Get("/release")
    public String release() {
        RELEASED.complete("released");
        return "released";
    }

    @Get("/load")
    public String load() {
        return "ok";
    }
}
