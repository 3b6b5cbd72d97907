package testapp.boot;

import io.micrometer.core.aop.TimedAspect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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

    /** Spring's own pool: a JDK ThreadPoolExecutor underneath, named by its thread prefix. */
    @Bean
    ThreadPoolTaskExecutor jobs() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("jobs-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(3);
        return executor;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(TimedAspectApp.class, args);
        Greeter greeter = context.getBean(Greeter.class);
        for (int i = 0; i < 7; i++) {
            greeter.greet("n" + i);
        }
        ThreadPoolTaskExecutor jobs = context.getBean(ThreadPoolTaskExecutor.class);
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            jobs.execute(done::countDown);
        }
        done.await(30, TimeUnit.SECONDS);
        while (jobs.getThreadPoolExecutor().getCompletedTaskCount() < 5) {
            Thread.sleep(10);
        }
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        System.out.println("proxied=" + (greeter.getClass() != Greeter.class) + " registry count="
                + (long) registry.get("greet.call").timer().count());
        Thread.sleep(Long.MAX_VALUE);
    }
}
