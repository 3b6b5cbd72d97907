package testapp.spring;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot MVC app on its embedded Tomcat; prints "ready port=N" once the server listens. */
@SpringBootApplication
@RestController
public class SpringApp implements ApplicationListener<WebServerInitializedEvent> {

    public static void main(String[] args) {
        SpringApplication.run(
                SpringApp.class,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        System.out.println("ready port=" + event.getWebServer().getPort());
    }

    @GetMapping("/users/{id}")
    public String user(@PathVariable("id") String id) {
        return "user " + id;
    }

    @GetMapping("/orders/{id}/cancel")
    public String cancel(@PathVariable("id") String id) {
        throw new OrderLockedException();
    }

    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("unhandled");
    }

    @GetMapping("/slow/{id}")
    public CompletableFuture<String> slow(@PathVariable("id") String id) {
        return CompletableFuture.supplyAsync(
                () -> "slow " + id, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
    }

    @ExceptionHandler(OrderLockedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public String locked() {
        return "locked";
    }

    static final class OrderLockedException extends RuntimeException {}
}
