package dev.autoprom.it.conflicts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring Boot 3.5 with actuator and micrometer-registry-prometheus (which brings Prometheus client 1.3). */
@SpringBootApplication
@RestController
public class BootActuatorApp implements ApplicationListener<WebServerInitializedEvent> {

    public static void main(String[] args) {
        System.setProperty("server.port", "0");
        System.setProperty("management.endpoints.web.exposure.include", "prometheus,health");
        System.setProperty("spring.main.banner-mode", "off");
        SpringApplication.run(BootActuatorApp.class, args);
        System.out.println("READY");
    }

    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        System.out.println("APP_PORT=" + event.getWebServer().getPort());
    }
}
