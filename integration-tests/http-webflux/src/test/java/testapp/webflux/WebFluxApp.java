package testapp.webflux;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatReactiveWebServerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Spring Boot WebFlux application serving NonServletServerContract's routes with annotated controllers, plus a
 * functional route ({@code /fn/{name}}) and a server-sent-events endpoint ({@code /sse}). The first argument picks
 * the server: {@code netty} (Reactor Netty) or {@code tomcat} (WebFlux on a servlet container); the others are
 * Boot properties ({@code --server.http2.enabled=true}). Prints "ready port=N".
 */
@SpringBootApplication
@RestController
public class WebFluxApp implements ApplicationListener<WebServerInitializedEvent> {

    /** Completed by /release; a /hold that arrives after it answers at once (the test may release first). */
    private static final CompletableFuture<String> RELEASED = new CompletableFuture<>();

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(
                "--app.server=" + (args.length > 0 ? args[0] : "netty"),
                "--spring.main.web-application-type=reactive",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                // no static-resource handler: its "/**" pattern would be the route of every unmatched path
                "--spring.web.resources.add-mappings=false",
                "--logging.level.root=warn"));
        // more Boot properties after the server (WebFluxHttp2IT: server.http2.enabled, server.ssl.*)
        arguments.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        SpringApplication.run(WebFluxApp.class, arguments.toArray(new String[0]));
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        System.out.println("ready port=" + event.getWebServer().getPort());
    }

    @Configuration(proxyBeanMethods = false)
    static class Servers {
        @Bean
        @ConditionalOnProperty(name = "app.server", havingValue = "netty")
        NettyReactiveWebServerFactory netty() {
            return new NettyReactiveWebServerFactory();
        }

        @Bean
        @ConditionalOnProperty(name = "app.server", havingValue = "tomcat")
        TomcatReactiveWebServerFactory tomcat() {
            return new TomcatReactiveWebServerFactory();
        }
    }

    @GetMapping("/hello")
    public Mono<String> hello() {
        return Mono.just("hello");
    }

    @GetMapping("/items/{id}")
    public String item(@PathVariable("id") String id) {
        return "item " + id;
    }

    @GetMapping("/fail")
    public String fail() {
        throw new IllegalStateException("handler failed");
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_PLAIN_VALUE)
    public Flux<String> stream() {
        return Flux.interval(Duration.ofMillis(100)).take(5).map(i -> "chunk\n");
    }

    /** Three chunks, then the Flux fails: after the response is committed, so no error page can be sent. */
    @GetMapping(value = "/stream-fail", produces = MediaType.TEXT_PLAIN_VALUE)
    public Flux<String> streamFail() {
        return Flux.interval(Duration.ofMillis(50))
                .take(3)
                .map(i -> "chunk\n")
                .concatWith(Flux.error(new IllegalStateException("failed mid-stream")));
    }

    @GetMapping(value = "/sse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<String> sse() {
        return Flux.interval(Duration.ofMillis(100)).take(3).map(i -> "event-" + i);
    }

    @DeleteMapping("/hold")
    public Mono<String> hold() {
        return Mono.fromFuture(RELEASED);
    }

    @GetMapping("/release")
    public String release() {
        RELEASED.complete("released");
        return "released";
    }

    @GetMapping("/load")
    public String load() {
        return "ok";
    }

    @Bean
    RouterFunction<ServerResponse> functionalRoutes() {
        return route(GET("/fn/{name}"), request -> ServerResponse.ok().bodyValue("fn " + request.pathVariable("name")));
    }
}
