package testapp.boot;

import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot with Spring AOP and Micrometer's TimedAspect on its own registry: the aspect records into that
 * registry, the agent into its own, each exactly once per call.
 */
@SpringBootApplication
public class TimedAspectApp {

    @Bean
    MeterRegistry registry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    TimedAspect timedAspect(MeterRegistry registry) {
        return new TimedAspect(registry);
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(TimedAspectApp.class, args);
        Greeter greeter = context.getBean(Greeter.class);
        for (int i = 0; i < 7; i++) {
            greeter.greet("n" + i);
        }
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        System.out.println("proxied=" + (greeter.getClass() != Greeter.class) + " registry count="
                + (long) registry.get("greet.call").timer().count());
        Thread.sleep(Long.MAX_VALUE);
    }
}
