package dev.autoprom.bench.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot web app that is still a real one: embedded Tomcat, Spring MVC, {@code GET /ping}
 * (no work) and {@code GET /users/{id}} (a templated route, no database). Port from {@code server.port}.
 */
@SpringBootApplication
@RestController
public class BenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }

    @GetMapping("/ping")
    public String ping() {
        return "pong";
    }

    @GetMapping("/users/{id}")
    public String user(@PathVariable("id") int id) {
        return "{\"id\":" + id + "}";
    }
}
