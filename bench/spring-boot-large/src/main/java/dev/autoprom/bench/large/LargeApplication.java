package dev.autoprom.bench.large;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A clinic's back office, small in code and large in what it starts: Spring MVC, Spring Data JPA (Hibernate,
 * HikariCP, H2), Spring Data REST over every repository under {@code /api}, Spring Security's filter chain,
 * bean validation, the cache abstraction and actuator. {@code GET /ping} answers without work,
 * {@code GET /owners/{id}} reads an owner and the pets' visits through JPA (cached). Port from
 * {@code server.port}.
 */
@SpringBootApplication
@EnableCaching
public class LargeApplication {

    public static void main(String[] args) {
        SpringApplication.run(LargeApplication.class, args);
    }

    /** Everything open (a benchmark has no users), but through the whole security filter chain. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
